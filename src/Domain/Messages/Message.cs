using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Messages;

/// <summary>A message in a conversation. Its id is its position: history pages by id, never by time.</summary>
public sealed class Message : AggregateRoot
{
    public const int MaxClientMessageIdLength = 100;

    private readonly List<Reaction> _reactions = [];
    private readonly List<MessageDeletion> _deletions = [];

    private Message()
    {
    }

    public MessageId Id { get; private set; }
    public ConversationId ConversationId { get; private set; }
    public UserId SenderUserId { get; private set; }
    public MessageType Type { get; private set; }
    public string? Content { get; private set; }
    public string? ClientMessageId { get; private set; }

    /// <summary>
    /// Legacy encrypted content that did not decrypt with the configured key, kept byte for byte and
    /// never shown as text (<see cref="Content"/> is empty for such a message).
    /// </summary>
    public string? UndecryptableContent { get; private set; }

    /// <summary>The message this one answers, in the same conversation.</summary>
    public MessageId? ReplyToId { get; private set; }

    /// <summary>The message this one is a copy of, and who wrote that original.</summary>
    public MessageId? ForwardedFromId { get; private set; }
    public bool IsForwarded { get; private set; }
    public UserId? ForwardedFromUserId { get; private set; }

    public bool IsEdited { get; private set; }
    public DateTimeOffset? EditedAt { get; private set; }

    /// <summary>The text before the latest edit.</summary>
    public string? OriginalContent { get; private set; }

    /// <summary>Deleted for everyone: the content is erased, the row stays as a tombstone.</summary>
    public bool IsDeleted { get; private set; }
    public bool DeletedForEveryone { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsPinned { get; private set; }
    public DateTimeOffset? PinnedAt { get; private set; }
    public UserId? PinnedByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyCollection<Reaction> Reactions => _reactions;

    /// <summary>The users who deleted this message for themselves only.</summary>
    public IReadOnlyCollection<MessageDeletion> Deletions => _deletions;

    internal static Message Create(
        ConversationId conversationId, UserId sender, MessageBody body, string? clientMessageId, DateTimeOffset now, MessageOrigin origin) => new()
    {
        ConversationId = conversationId,
        SenderUserId = sender,
        Type = body.Type,
        Content = body.Content,
        ClientMessageId = clientMessageId,
        ReplyToId = origin.ReplyToId,
        ForwardedFromId = origin.ForwardedFromId,
        ForwardedFromUserId = origin.ForwardedFromUserId,
        IsForwarded = origin.ForwardedFromId is not null,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
