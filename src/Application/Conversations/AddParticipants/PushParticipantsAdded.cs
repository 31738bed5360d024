using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Conversations.Groups;
using Astegni.Chat.Application.Events;
using Mediator;

namespace Astegni.Chat.Application.Conversations.AddParticipants;

/// <summary>Everyone in the group, the people just added included, refetches it.</summary>
public sealed class PushParticipantsAdded(IRealtimePublisher realtime) : INotificationHandler<GroupMembersAdded>
{
    public async ValueTask Handle(GroupMembersAdded notification, CancellationToken cancellationToken) =>
        await realtime.PublishAsync(
            notification.MemberIds, ConversationUpdatedEvent.EventName, new ConversationUpdatedEvent(notification.ConversationId.Value), cancellationToken);
}
