using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Events;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Calls.UpdateCall;

/// <summary>
/// Every change of a call's status (answered, declined, cancelled, ended, and missed by the
/// <c>MarkMissedCalls</c> check) reaches all its participants, the caller included: <c>call_updated {call}</c>.
/// </summary>
public sealed class PushCallUpdate(IChatDbContext db, IRealtimePublisher realtime) : INotificationHandler<CallUpdated>
{
    public const string EventName = "call_updated";

    public async ValueTask Handle(CallUpdated notification, CancellationToken cancellationToken)
    {
        var call = await db.CallLogs.AsNoTracking().FirstOrDefaultAsync(c => c.Id == notification.CallId, cancellationToken);
        if (call is null)
        {
            return;
        }

        var participants = await CallParticipants.Of(db, call).ToListAsync(cancellationToken);
        await realtime.PublishAsync(participants, EventName, new CallEnvelope(CallView.Of(call)), cancellationToken);
    }
}
