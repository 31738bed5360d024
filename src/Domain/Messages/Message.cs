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

    /// <summary>The uploaded item an image, file, audio or video message carries.</summary>
    public MediaId? MediaId { get; private set; }

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

    /// <summary>Who wrote the words: the author of the first original when this is a forward (of a forward).</summary>
    public UserId OriginalAuthorId => IsForwarded && ForwardedFromUserId is { } author ? author : SenderUserId;

    /// <summary>
    /// Replaces the text of my own text message within <paramref name="editWindow"/> of sending it; the
    /// text it replaces is kept. Forwards carry someone else's words and are not editable.
    /// </summary>
    public Result Edit(UserId editor, MessageBody newBody, DateTimeOffset now, TimeSpan editWindow)
    {
        ArgumentNullException.ThrowIfNull(newBody);
        if (IsDeleted)
        {
            return MessageErrors.Deleted;
        }

        if (editor != SenderUserId)
        {
            return MessageErrors.NotAuthor;
        }

        if (Type != MessageType.Text || IsForwarded || newBody.Type != MessageType.Text)
        {
            return MessageErrors.NotEditable;
        }

        if (now > CreatedAt + editWindow)
        {
            return MessageErrors.EditWindowPassed;
        }

        if (string.Equals(newBody.Content, Content, StringComparison.Ordinal))
        {
            return Result.Success();
        }

        OriginalContent = Content;
        Content = newBody.Content;
        IsEdited = true;
        EditedAt = now;
        UpdatedAt = now;
        Raise(new MessageEdited(this, editor));
        return Result.Success();
    }

    /// <summary>
    /// Erases the message for every member, leaving a tombstone: its author may within
    /// <paramref name="window"/> of sending it, a group admin may at any time. Reactions and the pin go with it.
    /// </summary>
    public Result DeleteForEveryone(UserId actor, bool actorIsGroupAdmin, DateTimeOffset now, TimeSpan window)
    {
        var isAuthor = actor == SenderUserId;
        if (!isAuthor && !actorIsGroupAdmin)
        {
            return MessageErrors.DeleteNotAllowed;
        }

        if (IsDeleted)
        {
            // Already a tombstone: deleting again changes nothing.
            return Result.Success();
        }

        if (!actorIsGroupAdmin && now > CreatedAt + window)
        {
            return MessageErrors.DeleteWindowPassed;
        }

        var wasPinned = IsPinned;
        Content = null;
        OriginalContent = null;
        IsDeleted = true;
        DeletedForEveryone = true;
        DeletedAt = now;
        IsPinned = false;
        PinnedAt = null;
        PinnedByUserId = null;
        UpdatedAt = now;
        _reactions.Clear();
        Raise(new MessageDeletedForEveryone(this, actor, wasPinned));
        return Result.Success();
    }

    /// <summary>Hides the message from <paramref name="user"/>'s own view only; others still see it.</summary>
    public Result DeleteFor(UserId user, DateTimeOffset now)
    {
        if (_deletions.Any(d => d.UserId == user))
        {
            return Result.Success();
        }

        _deletions.Add(new MessageDeletion(Id, user, now));
        Raise(new MessageDeletedForUser(this, user));
        return Result.Success();
    }

    /// <summary>Sets <paramref name="user"/>'s one reaction to this message, replacing any earlier one.</summary>
    public Result React(UserId user, string? reaction, DateTimeOffset now)
    {
        if (!Reaction.IsValid(reaction))
        {
            return MessageErrors.InvalidReaction;
        }

        if (IsDeleted)
        {
            return MessageErrors.Deleted;
        }

        var existing = _reactions.FirstOrDefault(r => r.UserId == user);
        if (existing is not null && string.Equals(existing.Value, reaction, StringComparison.Ordinal))
        {
            return Result.Success();
        }

        if (existing is null)
        {
            _reactions.Add(new Reaction(Id, user, reaction, now));
        }
        else
        {
            existing.Replace(reaction, now);
        }

        // The message itself is written too, with its version: a reaction cannot land on a message that
        // was deleted for everyone in the meantime.
        UpdatedAt = now;
        Raise(new ReactionsChanged(this, user));
        return Result.Success();
    }

    /// <summary>Takes back <paramref name="user"/>'s reaction; without one there is nothing to do.</summary>
    public Result RemoveReaction(UserId user)
    {
        var existing = _reactions.FirstOrDefault(r => r.UserId == user);
        if (existing is null)
        {
            return Result.Success();
        }

        _reactions.Remove(existing);
        Raise(new ReactionsChanged(this, user));
        return Result.Success();
    }

    /// <param name="actorMayPin">
    /// Decided by the conversation: any member of a direct chat or notes, only admins of a group.
    /// </param>
    public Result Pin(UserId actor, bool actorMayPin, DateTimeOffset now)
    {
        if (!actorMayPin)
        {
            return MessageErrors.PinNotAllowed;
        }

        if (IsDeleted)
        {
            return MessageErrors.Deleted;
        }

        if (IsPinned)
        {
            return Result.Success();
        }

        IsPinned = true;
        PinnedAt = now;
        PinnedByUserId = actor;
        UpdatedAt = now;
        Raise(new MessagePinnedChanged(this, actor));
        return Result.Success();
    }

    /// <param name="actorMayPin">The same permission as for <see cref="Pin"/>.</param>
    public Result Unpin(UserId actor, bool actorMayPin, DateTimeOffset now)
    {
        if (!actorMayPin)
        {
            return MessageErrors.PinNotAllowed;
        }

        if (!IsPinned)
        {
            return Result.Success();
        }

        IsPinned = false;
        PinnedAt = null;
        PinnedByUserId = null;
        UpdatedAt = now;
        Raise(new MessagePinnedChanged(this, actor));
        return Result.Success();
    }

    /// <summary>
    /// What a copy of this message forwarded by <paramref name="forwarder"/> says (media included) and
    /// where it comes from. The original author's <c>disable_forwarding</c> refuses it, except to the author themself.
    /// </summary>
    public Result<ForwardedCopy> ForwardBy(UserId forwarder, bool originalAuthorDisablesForwarding)
    {
        if (IsDeleted || Type == MessageType.System)
        {
            return MessageErrors.NotForwardable;
        }

        if (originalAuthorDisablesForwarding && forwarder != OriginalAuthorId)
        {
            return MessageErrors.ForwardingDisabled;
        }

        return new ForwardedCopy(MessageBody.Copy(Type, Content, MediaId), MessageOrigin.ForwardOf(Id, OriginalAuthorId));
    }

    internal static Message Create(
        ConversationId conversationId, UserId sender, MessageBody body, string? clientMessageId, DateTimeOffset now, MessageOrigin origin) => new()
    {
        ConversationId = conversationId,
        SenderUserId = sender,
        Type = body.Type,
        Content = body.Content,
        MediaId = body.MediaId,
        ClientMessageId = clientMessageId,
        ReplyToId = origin.ReplyToId,
        ForwardedFromId = origin.ForwardedFromId,
        ForwardedFromUserId = origin.ForwardedFromUserId,
        IsForwarded = origin.ForwardedFromId is not null,
        CreatedAt = now,
        UpdatedAt = now,
    };
}

/// <summary>The body and origin a forward of a message is posted with.</summary>
public sealed record ForwardedCopy(MessageBody Body, MessageOrigin Origin);
