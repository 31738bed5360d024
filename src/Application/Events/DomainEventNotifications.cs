using Astegni.Chat.Domain.Common;
using Domain = Astegni.Chat.Domain;

namespace Astegni.Chat.Application.Events;

/// <summary>The notification other modules and the pushes hear of for each domain event a command recorded.</summary>
public static class DomainEventNotifications
{
    public static ChatNotification? From(IDomainEvent domainEvent) => domainEvent switch
    {
        Domain.Conversations.MessagePosted e => new MessageSent(e.Conversation.Id, e.Message.Id, e.Message.SenderUserId, [.. e.Conversation.ActiveMemberIds]),
        Domain.Conversations.ConversationCreated e => new ConversationCreated(e.Conversation.Id, e.CreatedBy, [.. e.Conversation.ActiveMemberIds]),
        Domain.Blocks.UserBlocked e => new UserBlocked(e.Block.BlockerUserId, e.Block.BlockedUserId),
        Domain.Conversations.GroupMembersAdded e => new GroupMembersAdded(e.Conversation.Id, e.AddedBy, e.Added, [.. e.Conversation.ActiveMemberIds]),
        Domain.Conversations.GroupMemberRemoved e => new GroupMemberRemoved(e.Conversation.Id, e.RemovedBy, e.Removed, [.. e.Conversation.ActiveMemberIds]),
        Domain.Conversations.GroupUpdated e => new GroupUpdated(e.Conversation.Id, e.UpdatedBy, [.. e.Conversation.ActiveMemberIds]),
        Domain.Messages.MessageEdited e => new MessageEdited(e.Message.ConversationId, e.Message.Id, e.EditedBy),
        Domain.Messages.MessageDeletedForEveryone e => new MessageDeletedForEveryone(e.Message.ConversationId, e.Message.Id, e.DeletedBy, e.WasPinned),
        Domain.Messages.MessageDeletedForUser e => new MessageDeletedForUser(e.Message.ConversationId, e.Message.Id, e.UserId),
        Domain.Messages.ReactionsChanged e => new ReactionsChanged(e.Message.ConversationId, e.Message.Id, e.ReactedBy),
        Domain.Messages.MessagePinnedChanged e => new MessagePinnedChanged(e.Message.ConversationId, e.Message.Id, e.ChangedBy, e.Message.IsPinned),

        Domain.Conversations.ConversationRead e => new ConversationRead(e.Conversation.Id, e.ReaderId, e.LastReadMessageId, [.. e.Conversation.ActiveMemberIds]),
        Domain.Calls.CallStarted e => new CallStarted(e.Call.Id, e.Call.ConversationId, e.Call.CallerUserId),
        Domain.Calls.CallUpdated e => new CallUpdated(e.Call.Id, e.Call.ConversationId, e.Call.Status, e.ChangedBy),
        _ => null,
    };
}
