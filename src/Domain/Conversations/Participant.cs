using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Conversations;

/// <summary>One user's membership of a conversation, with that user's own view of it (read position, flags).</summary>
public sealed partial class Participant
{
    private Participant()
    {
    }

    internal Participant(ConversationId conversationId, UserId userId, ParticipantRole role, DateTimeOffset now)
    {
        ConversationId = conversationId;
        UserId = userId;
        Role = role;
        IsActive = true;
        JoinedAt = now;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public ParticipantId Id { get; private set; }
    public ConversationId ConversationId { get; private set; }
    public UserId UserId { get; private set; }
    public ParticipantRole Role { get; private set; }
    public bool IsActive { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }
    public MessageId? LastReadMessageId { get; private set; }
    public DateTimeOffset? LastReadAt { get; private set; }
    public DateTimeOffset? ChatClearedAt { get; private set; }
    public bool IsMuted { get; private set; }
    public DateTimeOffset? MutedUntil { get; private set; }
    public bool IsArchived { get; private set; }
    public bool IsPinned { get; private set; }

    /// <summary>"Delete conversation": hidden from my list until a message newer than this arrives.</summary>
    public DateTimeOffset? HiddenAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Leaves the conversation (or is removed). The row stays, so a later re-add can reactivate it.</summary>
    internal void Deactivate(DateTimeOffset now)
    {
        IsActive = false;
        LeftAt = now;
        Role = ParticipantRole.Member;
        UpdatedAt = now;
    }

    /// <summary>
    /// Someone who left a direct chat or their notes (by deleting their chat data) is back in it: what
    /// came before they left stays out of their view.
    /// </summary>
    internal void ReturnToOneToOne(DateTimeOffset now)
    {
        if (IsActive)
        {
            return;
        }

        IsActive = true;
        ChatClearedAt = LeftAt ?? now;
        LeftAt = null;
        HiddenAt = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// A former member joins again, as a new member: history is visible from now on (messages are shown
    /// from <see cref="JoinedAt"/>), and the personal view of the conversation starts over.
    /// </summary>
    internal void Rejoin(DateTimeOffset now)
    {
        IsActive = true;
        Role = ParticipantRole.Member;
        JoinedAt = now;
        LeftAt = null;
        LastReadMessageId = null;
        LastReadAt = null;
        ChatClearedAt = null;
        IsMuted = false;
        MutedUntil = null;
        IsArchived = false;
        IsPinned = false;
        HiddenAt = null;
        UpdatedAt = now;
    }

    internal void ChangeRole(ParticipantRole role, DateTimeOffset now)
    {
        Role = role;
        UpdatedAt = now;
    }

    /// <summary>Moves the read position forward; an older position never moves it back.</summary>
    public bool MarkReadUpTo(MessageId messageId, DateTimeOffset now)
    {
        if (LastReadMessageId is { } current && current >= messageId)
        {
            return false;
        }

        LastReadMessageId = messageId;
        LastReadAt = now;
        UpdatedAt = now;
        return true;
    }
}
