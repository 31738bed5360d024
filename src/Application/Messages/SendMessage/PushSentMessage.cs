using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Events;
using Astegni.Chat.Application.Messages.Views;
using Mediator;

namespace Astegni.Chat.Application.Messages.SendMessage;

/// <summary>After a message commits, every member's open connections get it (the sender's other devices too).</summary>
public sealed class PushSentMessage(IChatDbContext db, IRealtimePublisher realtime, SentMessageViews sentViews)
    : INotificationHandler<MessageSent>
{
    public const string EventName = "message_created";

    public async ValueTask Handle(MessageSent notification, CancellationToken cancellationToken)
    {
        var view = sentViews.Take(notification.MessageId)
                   ?? await MessageViews.LoadOneAsync(db, notification.MessageId, notification.SenderId, cancellationToken);
        if (view is null)
        {
            return;
        }

        var others = notification.MemberIds.Where(id => id != notification.SenderId).ToList();
        await realtime.PublishAsync([notification.SenderId], EventName, new MessageCreatedEvent(view), cancellationToken);
        await realtime.PublishAsync(others, EventName, new MessageCreatedEvent(view with { IsMine = false }), cancellationToken);
    }
}

public sealed record MessageCreatedEvent(MessageView Message);
