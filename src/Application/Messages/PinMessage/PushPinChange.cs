using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Events;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.Messages.Views;
using Mediator;

namespace Astegni.Chat.Application.Messages.PinMessage;

/// <summary>
/// A pin or unpin changes the message (<c>is_pinned</c>) and the conversation's pinned list: everyone who
/// can see the message hears of both.
/// </summary>
public sealed class PushPinChange(IChatDbContext db, IRealtimePublisher realtime, SignedMediaUrls links) : INotificationHandler<MessagePinnedChanged>
{
    public async ValueTask Handle(MessagePinnedChanged notification, CancellationToken cancellationToken)
    {
        var view = await MessageViews.LoadOneAsync(db, notification.MessageId, notification.ChangedBy, links, cancellationToken);
        if (view is null)
        {
            return;
        }

        var audience = await MessageAccess.AudienceAsync(db, notification.MessageId, cancellationToken);
        await MessageHubEvents.PublishUpdatedAsync(realtime, view, audience, cancellationToken);
        await realtime.PublishAsync(
            audience, MessageHubEvents.ConversationUpdated, new ConversationUpdatedEvent(view.ConversationId), cancellationToken);
    }
}
