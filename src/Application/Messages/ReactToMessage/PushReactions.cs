using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Events;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.Messages.Views;
using Mediator;

namespace Astegni.Chat.Application.Messages.ReactToMessage;

/// <summary>After a reaction is set or removed, everyone who can see the message gets its reactions as they now are.</summary>
public sealed class PushReactions(IChatDbContext db, IRealtimePublisher realtime, SignedMediaUrls links) : INotificationHandler<ReactionsChanged>
{
    public async ValueTask Handle(ReactionsChanged notification, CancellationToken cancellationToken)
    {
        var view = await MessageViews.LoadOneAsync(db, notification.MessageId, notification.ReactedBy, links, cancellationToken);
        if (view is null)
        {
            return;
        }

        var audience = await MessageAccess.AudienceAsync(db, notification.MessageId, cancellationToken);
        await realtime.PublishAsync(
            audience,
            MessageHubEvents.ReactionChanged,
            new ReactionChangedEvent(view.ConversationId, view.Id, view.Reactions),
            cancellationToken);
    }
}
