using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Calls.MarkMissedCalls;

/// <summary>
/// Calls nobody answered within <see cref="CallOptions.RingTimeout"/> become missed (and their participants
/// get <c>call_updated</c> after the commit). Sent every second or so by the host's missed-call check; it
/// takes at most <see cref="BatchSize"/> calls and answers how many it marked, so the caller repeats while
/// a full batch came back.
/// </summary>
public sealed record MarkMissedCalls : IChatCommand<int>
{
    public const int BatchSize = 100;
}

public sealed class MarkMissedCallsHandler(
    IChatDbContext db, ICallLogStore store, IOptions<CallOptions> options, TimeProvider clock, CommandOutbox outbox)
    : ICommandHandler<MarkMissedCalls, Result<int>>
{
    public async ValueTask<Result<int>> Handle(MarkMissedCalls command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ringTimeout = options.Value.RingTimeout;
        var rangOut = now - ringTimeout;

        // SKIP LOCKED: a call someone is answering right now is theirs; if it still rings afterwards, the next check takes it.
        var calls = await store.LockRingingCallsAsync(rangOut, MarkMissedCalls.BatchSize, cancellationToken);
        foreach (var call in calls)
        {
            if (call.Miss(now, ringTimeout).IsSuccess)
            {
                CallHubEvents.QueueUpdated(outbox, call, await CallParticipants.Of(db, call).ToListAsync(cancellationToken));
            }
        }

        return calls.Count;
    }
}
