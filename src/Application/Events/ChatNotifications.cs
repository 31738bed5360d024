using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Events;

// What other Astegni modules may subscribe to (INotificationHandler<T>). Published after commit.

/// <summary>A message was stored in a conversation; <paramref name="MemberIds"/> are its active members.</summary>
public sealed record MessageSent(ConversationId ConversationId, MessageId MessageId, UserId SenderId, IReadOnlyList<UserId> MemberIds)
    : INotification;

public sealed record ConversationCreated(ConversationId ConversationId, UserId CreatedBy, IReadOnlyList<UserId> MemberIds)
    : INotification;

public sealed record UserBlocked(UserId BlockerId, UserId BlockedId) : INotification;

/// <summary>
/// People joined a group (added, or re-added after leaving). <paramref name="MemberIds"/> are its active
/// members afterwards, the new ones included.
/// </summary>
public sealed record GroupMembersAdded(
    ConversationId ConversationId, UserId AddedBy, IReadOnlyList<UserId> AddedUserIds, IReadOnlyList<UserId> MemberIds)
    : INotification;

/// <summary>
/// Someone stopped being a member of a group: removed by an admin, or left when <paramref name="RemovedBy"/> is
/// <paramref name="RemovedUserId"/>. <paramref name="MemberIds"/> are the members who remain.
/// </summary>
public sealed record GroupMemberRemoved(
    ConversationId ConversationId, UserId RemovedBy, UserId RemovedUserId, IReadOnlyList<UserId> MemberIds)
    : INotification;

/// <summary>A group's name, description, avatar or member roles changed; <paramref name="MemberIds"/> are its active members.</summary>
public sealed record GroupUpdated(ConversationId ConversationId, UserId UpdatedBy, IReadOnlyList<UserId> MemberIds)
    : INotification;

// Message actions. Subscribers that push find who can see the message themselves.

public sealed record MessageEdited(ConversationId ConversationId, MessageId MessageId, UserId EditedBy) : INotification;

/// <param name="WasPinned">The conversation's pinned list changed too.</param>
public sealed record MessageDeletedForEveryone(ConversationId ConversationId, MessageId MessageId, UserId DeletedBy, bool WasPinned)
    : INotification;

/// <summary>A user hid a message from their own view; nobody else's view changed.</summary>
public sealed record MessageDeletedForUser(ConversationId ConversationId, MessageId MessageId, UserId UserId) : INotification;

public sealed record ReactionsChanged(ConversationId ConversationId, MessageId MessageId, UserId ReactedBy) : INotification;

public sealed record MessagePinnedChanged(ConversationId ConversationId, MessageId MessageId, UserId ChangedBy, bool IsPinned)
    : INotification;

/// <summary>A member's read position moved forward; <paramref name="MemberIds"/> are the active members.</summary>
public sealed record ConversationRead(ConversationId ConversationId, UserId ReaderId, MessageId LastReadMessageId, IReadOnlyList<UserId> MemberIds)
    : INotification;

// Calls. Subscribers that push find the call's participants themselves.

/// <summary>A call was placed in a conversation and rings its other members.</summary>
public sealed record CallStarted(CallId CallId, ConversationId ConversationId, UserId CallerId) : INotification;

/// <summary>
/// A call changed status (answered, declined, cancelled, ended, missed, failed). <paramref name="ChangedBy"/> is
/// who acted, null when the service did (a call nobody answered in time).
/// </summary>
public sealed record CallUpdated(CallId CallId, ConversationId ConversationId, Domain.Calls.CallStatus Status, UserId? ChangedBy)
    : INotification;
