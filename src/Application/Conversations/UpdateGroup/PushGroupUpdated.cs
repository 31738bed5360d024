using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Conversations.Groups;
using Astegni.Chat.Application.Events;
using Mediator;

namespace Astegni.Chat.Application.Conversations.UpdateGroup;

/// <summary>New name, description or roles: every member refetches the group.</summary>
public sealed class PushGroupUpdated(IRealtimePublisher realtime) : INotificationHandler<GroupUpdated>
{
    public async ValueTask Handle(GroupUpdated notification, CancellationToken cancellationToken) =>
        await realtime.PublishAsync(
            notification.MemberIds, ConversationUpdatedEvent.EventName, new ConversationUpdatedEvent(notification.ConversationId.Value), cancellationToken);
}
