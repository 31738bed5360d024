using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Conversations;

/// <summary>
/// A participant's own choices about a conversation: mute, archive, pin, clear, delete. They change
/// only this person's view; nobody else's list, history or unread count moves.
/// </summary>
public sealed partial class Participant
{
    public static readonly Error MuteEndsInThePast =
        Error.Validation("mute_until_in_past", "until must be a time in the future.");

    /// <summary>Silences the conversation, for good or until <paramref name="until"/>.</summary>
    public Result Mute(DateTimeOffset? until, DateTimeOffset now)
    {
        if (until <= now)
        {
            return MuteEndsInThePast;
        }

        IsMuted = true;
        MutedUntil = until;
        UpdatedAt = now;
        return Result.Success();
    }

    public void Unmute(DateTimeOffset now)
    {
        IsMuted = false;
        MutedUntil = null;
        UpdatedAt = now;
    }

    /// <summary>A mute whose end has passed no longer silences anything, even before anyone clears it.</summary>
    public bool IsMutedAt(DateTimeOffset now) => IsMuted && (MutedUntil is null || MutedUntil > now);

    /// <summary>Archives (true) or unarchives (false) the conversation for me.</summary>
    public void SetArchived(bool archived, DateTimeOffset now)
    {
        IsArchived = archived;
        UpdatedAt = now;
    }

    /// <summary>Pins (true) or unpins (false) the conversation at the head of my list.</summary>
    public void SetPinned(bool pinned, DateTimeOffset now)
    {
        IsPinned = pinned;
        UpdatedAt = now;
    }

    /// <summary>Hides every message up to now from my history, my list preview and my unread count.</summary>
    public void ClearHistory(DateTimeOffset now)
    {
        ChatClearedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// "Delete conversation": clears my history and takes the conversation off my list until a newer
    /// message arrives. It comes back as a fresh chat, so it is no longer pinned or archived.
    /// </summary>
    public void Hide(DateTimeOffset now)
    {
        ClearHistory(now);
        HiddenAt = now;
        IsPinned = false;
        IsArchived = false;
    }
}
