using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Conversations.Groups;
using Astegni.Chat.Application.Events;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ConversationType = Astegni.Chat.Domain.Conversations.ConversationType;

namespace Astegni.Chat.Application.Conversations.CreateGroup;

/// <summary>A new group appears at once for everyone in it, the creator's other devices included.</summary>
public sealed class PushCreatedGroup(IChatDbContext db, IRealtimePublisher realtime) : INotificationHandler<ConversationCreated>
{
    public async ValueTask Handle(ConversationCreated notification, CancellationToken cancellationToken)
    {
        // Direct chats and notes are announced by their first message, as before groups existed.
        var isGroup = await db.Conversations.AnyAsync(
            c => c.Id == notification.ConversationId && c.Type == ConversationType.Group, cancellationToken);
        if (isGroup)
        {
            await realtime.PublishAsync(
                notification.MemberIds, ConversationUpdatedEvent.EventName, new ConversationUpdatedEvent(notification.ConversationId.Value), cancellationToken);
        }
    }
}
