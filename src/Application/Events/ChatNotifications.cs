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

/// <summary>A member's read position moved forward; <paramref name="MemberIds"/> are the active members.</summary>
public sealed record ConversationRead(ConversationId ConversationId, UserId ReaderId, MessageId LastReadMessageId, IReadOnlyList<UserId> MemberIds)
    : INotification;
