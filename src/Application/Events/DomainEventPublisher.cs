using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;
using Domain = Astegni.Chat.Domain;

namespace Astegni.Chat.Application.Events;

/// <summary>
/// Turns committed domain events into the notifications other modules and the realtime push handle.
/// A failing subscriber is logged and does not undo or fail the committed command.
/// </summary>
public sealed partial class DomainEventPublisher(IPublisher publisher, ILogger<DomainEventPublisher> logger)
{
    public async Task PublishAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var domainEvent in events)
        {
            try
            {
                await PublishOneAsync(domainEvent, cancellationToken);
            }
#pragma warning disable CA1031 // the command has committed: a subscriber's failure must not turn it into an error
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogSubscriberFailed(logger, exception, domainEvent.GetType().Name);
            }
        }
    }

    private ValueTask PublishOneAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) => domainEvent switch
    {
        Domain.Conversations.MessagePosted e => publisher.Publish(
            new MessageSent(e.Conversation.Id, e.Message.Id, e.Message.SenderUserId, [.. e.Conversation.ActiveMemberIds]),
            cancellationToken),
        Domain.Conversations.ConversationCreated e => publisher.Publish(
            new ConversationCreated(e.Conversation.Id, e.CreatedBy, [.. e.Conversation.ActiveMemberIds]),
            cancellationToken),
        Domain.Blocks.UserBlocked e => publisher.Publish(
            new UserBlocked(e.Block.BlockerUserId, e.Block.BlockedUserId),
            cancellationToken),
        Domain.Conversations.GroupMembersAdded e => publisher.Publish(
            new GroupMembersAdded(e.Conversation.Id, e.AddedBy, e.Added, [.. e.Conversation.ActiveMemberIds]),
            cancellationToken),
        Domain.Conversations.GroupMemberRemoved e => publisher.Publish(
            new GroupMemberRemoved(e.Conversation.Id, e.RemovedBy, e.Removed, [.. e.Conversation.ActiveMemberIds]),
            cancellationToken),
        Domain.Conversations.GroupUpdated e => publisher.Publish(
            new GroupUpdated(e.Conversation.Id, e.UpdatedBy, [.. e.Conversation.ActiveMemberIds]),
            cancellationToken),
        Domain.Messages.MessageEdited e => publisher.Publish(
            new MessageEdited(e.Message.ConversationId, e.Message.Id, e.EditedBy),
            cancellationToken),
        Domain.Messages.MessageDeletedForEveryone e => publisher.Publish(
            new MessageDeletedForEveryone(e.Message.ConversationId, e.Message.Id, e.DeletedBy, e.WasPinned),
            cancellationToken),
        Domain.Messages.MessageDeletedForUser e => publisher.Publish(
            new MessageDeletedForUser(e.Message.ConversationId, e.Message.Id, e.UserId),
            cancellationToken),
        Domain.Messages.ReactionsChanged e => publisher.Publish(
            new ReactionsChanged(e.Message.ConversationId, e.Message.Id, e.ReactedBy),
            cancellationToken),
        Domain.Messages.MessagePinnedChanged e => publisher.Publish(
            new MessagePinnedChanged(e.Message.ConversationId, e.Message.Id, e.ChangedBy, e.Message.IsPinned),
            cancellationToken),

        Domain.Conversations.ConversationRead e => publisher.Publish(
            new ConversationRead(e.Conversation.Id, e.ReaderId, e.LastReadMessageId, [.. e.Conversation.ActiveMemberIds]),
            cancellationToken),
        Domain.Calls.CallStarted e => publisher.Publish(
            new CallStarted(e.Call.Id, e.Call.ConversationId, e.Call.CallerUserId),
            cancellationToken),
        Domain.Calls.CallUpdated e => publisher.Publish(
            new CallUpdated(e.Call.Id, e.Call.ConversationId, e.Call.Status, e.ChangedBy),
            cancellationToken),
        _ => ValueTask.CompletedTask,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber to {Event} failed after commit")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string @event);
}
