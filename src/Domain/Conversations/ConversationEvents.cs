using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Messages;

namespace Astegni.Chat.Domain.Conversations;

// Events hold the aggregates rather than ids: ids are assigned by the database on save, and the
// events are read only after the commit, when they are.
public sealed record ConversationCreated(Conversation Conversation, UserId CreatedBy) : IDomainEvent;

public sealed record MessagePosted(Conversation Conversation, Message Message) : IDomainEvent;
