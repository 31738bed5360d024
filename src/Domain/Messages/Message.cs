using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Messages;

/// <summary>A message in a conversation. Its id is its position: history pages by id, never by time.</summary>
public sealed class Message
{
    public const int MaxClientMessageIdLength = 100;

    private Message()
    {
    }

    public MessageId Id { get; private set; }
    public ConversationId ConversationId { get; private set; }
    public UserId SenderUserId { get; private set; }
    public MessageType Type { get; private set; }
    public string? Content { get; private set; }
    public string? ClientMessageId { get; private set; }
    public bool IsEdited { get; private set; }
    public DateTimeOffset? EditedAt { get; private set; }
    public bool IsDeleted { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    internal static Message Create(
        ConversationId conversationId, UserId sender, MessageBody body, string? clientMessageId, DateTimeOffset now) => new()
    {
        ConversationId = conversationId,
        SenderUserId = sender,
        Type = body.Type,
        Content = body.Content,
        ClientMessageId = clientMessageId,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
