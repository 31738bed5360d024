using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Events;

// What other Astegni modules may subscribe to (INotificationHandler<T>). Written to the outbox in the
// command's transaction and published after the commit, at least once: a repeat carries the same NotificationId.

/// <summary>What every chat notification carries besides its facts.</summary>
public abstract record ChatNotification : INotification
{
    /// <summary>
    /// Set when the notification is written to the outbox and the same on every delivery of it: a handler that
    /// must not act twice remembers the ids it handled.
    /// </summary>
    public Guid NotificationId { get; init; }
}

/// <summary>A message was stored in a conversation; <paramref name="MemberIds"/> are its active members.</summary>
public sealed record MessageSent(ConversationId ConversationId, MessageId MessageId, UserId SenderId, IReadOnlyList<UserId> MemberIds)
    : ChatNotification;

public sealed record ConversationCreated(ConversationId ConversationId, UserId CreatedBy, IReadOnlyList<UserId> MemberIds)
    : ChatNotification;

public sealed record UserBlocked(UserId BlockerId, UserId BlockedId) : ChatNotification;

/// <summary>
/// People joined a group (added, or re-added after leaving). <paramref name="MemberIds"/> are its active
/// members afterwards, the new ones included.
/// </summary>
public sealed record GroupMembersAdded(
    ConversationId ConversationId, UserId AddedBy, IReadOnlyList<UserId> AddedUserIds, IReadOnlyList<UserId> MemberIds)
    : ChatNotification;

/// <summary>
/// Someone stopped being a member of a group: removed by an admin, or left when <paramref name="RemovedBy"/> is
/// <paramref name="RemovedUserId"/>. <paramref name="MemberIds"/> are the members who remain.
/// </summary>
public sealed record GroupMemberRemoved(
    ConversationId ConversationId, UserId RemovedBy, UserId RemovedUserId, IReadOnlyList<UserId> MemberIds)
    : ChatNotification;

/// <summary>A group's name, description, avatar or member roles changed; <paramref name="MemberIds"/> are its active members.</summary>
public sealed record GroupUpdated(ConversationId ConversationId, UserId UpdatedBy, IReadOnlyList<UserId> MemberIds)
    : ChatNotification;

// Message actions. Subscribers that push find who can see the message themselves.

public sealed record MessageEdited(ConversationId ConversationId, MessageId MessageId, UserId EditedBy) : ChatNotification;

/// <param name="WasPinned">The conversation's pinned list changed too.</param>
public sealed record MessageDeletedForEveryone(ConversationId ConversationId, MessageId MessageId, UserId DeletedBy, bool WasPinned)
    : ChatNotification;

/// <summary>A user hid a message from their own view; nobody else's view changed.</summary>
public sealed record MessageDeletedForUser(ConversationId ConversationId, MessageId MessageId, UserId UserId) : ChatNotification;

public sealed record ReactionsChanged(ConversationId ConversationId, MessageId MessageId, UserId ReactedBy) : ChatNotification;

public sealed record MessagePinnedChanged(ConversationId ConversationId, MessageId MessageId, UserId ChangedBy, bool IsPinned)
    : ChatNotification;

/// <summary>A member's read position moved forward; <paramref name="MemberIds"/> are the active members.</summary>
public sealed record ConversationRead(ConversationId ConversationId, UserId ReaderId, MessageId LastReadMessageId, IReadOnlyList<UserId> MemberIds)
    : ChatNotification;

// Calls. Subscribers that push find the call's participants themselves.

/// <summary>A call was placed in a conversation and rings its other members.</summary>
public sealed record CallStarted(CallId CallId, ConversationId ConversationId, UserId CallerId) : ChatNotification;

/// <summary>
/// A call changed status (answered, declined, cancelled, ended, missed, failed). <paramref name="ChangedBy"/> is
/// who acted, null when the service did (a call nobody answered in time).
/// </summary>
public sealed record CallUpdated(CallId CallId, ConversationId ConversationId, Domain.Calls.CallStatus Status, UserId? ChangedBy)
    : ChatNotification;
