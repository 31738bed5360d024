using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Conversations.Groups;
using Astegni.Chat.Application.Events;
using Mediator;

namespace Astegni.Chat.Application.Conversations.RemoveParticipant;

/// <summary>
/// The remaining members refetch the group; the person who left or was removed hears it too, on every
/// device, and finds the group gone from what they may see.
/// </summary>
public sealed class PushParticipantRemoved(IRealtimePublisher realtime) : INotificationHandler<GroupMemberRemoved>
{
    public async ValueTask Handle(GroupMemberRemoved notification, CancellationToken cancellationToken) =>
        await realtime.PublishAsync(
            [.. notification.MemberIds, notification.RemovedUserId],
            ConversationUpdatedEvent.EventName,
            new ConversationUpdatedEvent(notification.ConversationId.Value),
            cancellationToken);
}
