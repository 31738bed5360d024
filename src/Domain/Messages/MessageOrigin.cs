using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Messages;

/// <summary>
/// Where a new message comes from besides its author: the message it replies to, or the message it
/// forwards (with that message's author, shown as the original author).
/// </summary>
public sealed record MessageOrigin(MessageId? ReplyToId = null, MessageId? ForwardedFromId = null, UserId? ForwardedFromUserId = null)
{
    public static readonly MessageOrigin None = new();

    public static MessageOrigin ReplyTo(MessageId messageId) => new(ReplyToId: messageId);

    public static MessageOrigin ForwardOf(MessageId messageId, UserId originalAuthor) =>
        new(ForwardedFromId: messageId, ForwardedFromUserId: originalAuthor);
}
