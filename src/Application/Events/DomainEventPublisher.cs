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
        Domain.Conversations.ConversationRead e => publisher.Publish(
            new ConversationRead(e.Conversation.Id, e.ReaderId, e.LastReadMessageId, [.. e.Conversation.ActiveMemberIds]),
            cancellationToken),
        _ => ValueTask.CompletedTask,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber to {Event} failed after commit")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string @event);
}
