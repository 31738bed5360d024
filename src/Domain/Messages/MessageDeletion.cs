using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Messages;

/// <summary>A user deleted a message for themself: it disappears from their view only.</summary>
public sealed class MessageDeletion
{
    private MessageDeletion()
    {
    }

    internal MessageDeletion(MessageId messageId, UserId userId, DateTimeOffset now)
    {
        MessageId = messageId;
        UserId = userId;
        DeletedAt = now;
    }

    public MessageId MessageId { get; private set; }
    public UserId UserId { get; private set; }
    public DateTimeOffset DeletedAt { get; private set; }
}
