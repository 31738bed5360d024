using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Events;
using Mediator;

namespace Astegni.Chat.Application.Conversations.MarkConversationRead;

/// <summary>
/// After a read position moves: the reader's own devices, and the members <see cref="Domain.Policies.ReadReceiptPolicy"/>
/// lets see it, get <c>read_updated</c>. Nobody else learns that anything was read.
/// </summary>
public sealed class PushReadUpdate(PolicyFacts policyFacts, IRealtimePublisher realtime) : INotificationHandler<ConversationRead>
{
    public const string EventName = "read_updated";

    public async ValueTask Handle(ConversationRead notification, CancellationToken cancellationToken)
    {
        var viewers = await policyFacts.WhoSeesReadPositionOfAsync(notification.ConversationId, notification.ReaderId, cancellationToken);
        await realtime.PublishAsync(
            [notification.ReaderId, .. viewers],
            EventName,
            new ReadUpdatedEvent(notification.ConversationId.Value, notification.ReaderId.Value, notification.LastReadMessageId.Value),
            cancellationToken);
    }
}

public sealed record ReadUpdatedEvent(int ConversationId, int UserId, int LastReadMessageId);
