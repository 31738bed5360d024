using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Domain.Calls;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Calls;

/// <summary>
/// The hub events of a call, queued by the command that changed it and pushed after its commit:
/// <c>call_ringing {call}</c> to the other participants when it is placed, <c>call_updated {call}</c> to all of
/// them, the caller included, at every change of status (answered, declined, cancelled, ended, missed).
/// </summary>
public static class CallHubEvents
{
    public const string Ringing = "call_ringing";
    public const string Updated = "call_updated";

    public static async Task QueueRingingAsync(IChatDbContext db, CommandOutbox outbox, CallLog call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(call);
        var callees = await CallParticipants.Of(db, call).Where(id => id != call.CallerUserId).ToListAsync(cancellationToken);
        outbox.Push(callees, Ringing, new CallEnvelope(CallView.Of(call)));
    }

    public static void QueueUpdated(CommandOutbox outbox, CallLog call, IReadOnlyCollection<Domain.Common.UserId> participants)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        outbox.Push(participants, Updated, new CallEnvelope(CallView.Of(call)));
    }
}
