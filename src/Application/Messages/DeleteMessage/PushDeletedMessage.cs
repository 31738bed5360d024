using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Events;
using Mediator;

namespace Astegni.Chat.Application.Messages.DeleteMessage;

/// <summary>
/// A message deleted for everyone becomes a tombstone for everyone who could see it; when it was pinned,
/// their pinned list changed too. A message deleted for me goes only to my own devices: nobody else's view changed.
/// </summary>
public sealed class PushDeletedMessage(IChatDbContext db, IRealtimePublisher realtime)
    : INotificationHandler<MessageDeletedForEveryone>, INotificationHandler<MessageDeletedForUser>
{
    public async ValueTask Handle(MessageDeletedForEveryone notification, CancellationToken cancellationToken)
    {
        var audience = await MessageAccess.AudienceAsync(db, notification.MessageId, cancellationToken);
        var conversationId = notification.ConversationId.Value;
        await realtime.PublishAsync(
            audience, MessageHubEvents.Deleted, new MessageDeletedEvent(conversationId, notification.MessageId.Value), cancellationToken);
        if (notification.WasPinned)
        {
            await realtime.PublishAsync(
                audience, MessageHubEvents.ConversationUpdated, new ConversationUpdatedEvent(conversationId), cancellationToken);
        }
    }

    public async ValueTask Handle(MessageDeletedForUser notification, CancellationToken cancellationToken) =>
        await realtime.PublishAsync(
            [notification.UserId],
            MessageHubEvents.Deleted,
            new MessageDeletedEvent(notification.ConversationId.Value, notification.MessageId.Value),
            cancellationToken);
}
