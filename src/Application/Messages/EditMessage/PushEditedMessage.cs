using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Events;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.Messages.Views;
using Mediator;

namespace Astegni.Chat.Application.Messages.EditMessage;

/// <summary>Everyone who can see the message gets its new text (the editor's other devices too).</summary>
public sealed class PushEditedMessage(IChatDbContext db, IRealtimePublisher realtime, SignedMediaUrls links) : INotificationHandler<MessageEdited>
{
    public async ValueTask Handle(MessageEdited notification, CancellationToken cancellationToken)
    {
        var view = await MessageViews.LoadOneAsync(db, notification.MessageId, notification.EditedBy, links, cancellationToken);
        if (view is null)
        {
            return;
        }

        var audience = await MessageAccess.AudienceAsync(db, notification.MessageId, cancellationToken);
        await MessageHubEvents.PublishUpdatedAsync(realtime, view, audience, cancellationToken);
    }
}
