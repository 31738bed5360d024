using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Events;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Calls.StartCall;

/// <summary>After a call is stored, the other participants' open connections ring: <c>call_ringing {call}</c>.</summary>
public sealed class PushCallRinging(IChatDbContext db, IRealtimePublisher realtime) : INotificationHandler<CallStarted>
{
    public const string EventName = "call_ringing";

    public async ValueTask Handle(CallStarted notification, CancellationToken cancellationToken)
    {
        var call = await db.CallLogs.AsNoTracking().FirstOrDefaultAsync(c => c.Id == notification.CallId, cancellationToken);
        // A call that is already over (hung up at once) no longer rings anybody.
        if (call is not { IsRinging: true })
        {
            return;
        }

        var callees = await CallParticipants.Of(db, call).Where(id => id != call.CallerUserId).ToListAsync(cancellationToken);
        await realtime.PublishAsync(callees, EventName, new CallEnvelope(CallView.Of(call)), cancellationToken);
    }
}
