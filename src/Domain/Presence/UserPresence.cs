using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Presence;

/// <summary>When a user was last connected. Being online now is known in memory, not stored.</summary>
public sealed class UserPresence
{
    private UserPresence()
    {
    }

    public UserPresence(UserId userId, DateTimeOffset lastSeenAt)
    {
        UserId = userId;
        LastSeenAt = lastSeenAt;
    }

    public UserId UserId { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }

    public void SeenAt(DateTimeOffset when)
    {
        if (when > LastSeenAt)
        {
            LastSeenAt = when;
        }
    }
}
