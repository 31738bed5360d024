using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Messages;

namespace Astegni.Chat.Domain.Conversations;

// Events hold the aggregates rather than ids: ids are assigned by the database on save, and the
// events are read only after the commit, when they are.
public sealed record ConversationCreated(Conversation Conversation, UserId CreatedBy) : IDomainEvent;

public sealed record MessagePosted(Conversation Conversation, Message Message) : IDomainEvent;

/// <summary>
/// People joined a group (added by an admin, or re-added after leaving). <paramref name="AddedBy"/> is the admin.
/// </summary>
public sealed record GroupMembersAdded(Conversation Conversation, UserId AddedBy, IReadOnlyList<UserId> Added) : IDomainEvent;

/// <summary>Someone stopped being a member: removed by an admin, or left when <paramref name="RemovedBy"/> is <paramref name="Removed"/>.</summary>
public sealed record GroupMemberRemoved(Conversation Conversation, UserId RemovedBy, UserId Removed) : IDomainEvent
{
    public bool Left => RemovedBy == Removed;
}

/// <summary>A group's details (name, description, avatar) or its members' roles changed.</summary>
public sealed record GroupUpdated(Conversation Conversation, UserId UpdatedBy) : IDomainEvent;
