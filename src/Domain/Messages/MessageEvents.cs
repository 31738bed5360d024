using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Messages;

// Like the conversation events, these hold the aggregate; each names who acted.
public sealed record MessageEdited(Message Message, UserId EditedBy) : IDomainEvent;

/// <param name="WasPinned">The conversation's pinned list changed too.</param>
public sealed record MessageDeletedForEveryone(Message Message, UserId DeletedBy, bool WasPinned) : IDomainEvent;

public sealed record MessageDeletedForUser(Message Message, UserId UserId) : IDomainEvent;

public sealed record ReactionsChanged(Message Message, UserId ReactedBy) : IDomainEvent;

public sealed record MessagePinnedChanged(Message Message, UserId ChangedBy) : IDomainEvent;
