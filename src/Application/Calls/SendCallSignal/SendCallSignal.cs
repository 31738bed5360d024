using System.Text.Json;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.RateLimits;
using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Calls.SendCallSignal;

/// <summary>
/// WebRTC signalling for a call I take part in (an SDP <c>offer</c> or <c>answer</c>, an <c>ice_candidate</c>,
/// or a <c>renegotiate</c> offer, e.g. turning a voice call into video), relayed as it is to the call's other
/// participants while it rings or goes on: <c>call_signal {call_id, from_user_id, kind, payload}</c>.
/// The sender is always me; the service never reads the payload.
/// </summary>
/// <remarks>
/// A command, not a query: it changes what others see. It stores nothing, so no transaction is opened for it (a renegotiation does not change
/// the call's type: the log keeps how the call was placed). In a group call the other participants are all
/// the members taking part, so clients address a peer inside the payload.
/// </remarks>
[RateLimited(RateLimit.HubFrames)]
public sealed record SendCallSignal(int CallId, string Kind, JsonElement Payload) : IChatCommand, IStoresNothing
{
    public static readonly string[] Kinds = ["offer", "answer", "ice_candidate", "renegotiate"];
}

public sealed class SendCallSignalHandler(IChatDbContext db, ICurrentUser currentUser, IRealtimePublisher realtime)
    : ICommandHandler<SendCallSignal, Result>
{
    public const string EventName = "call_signal";

    public async ValueTask<Result> Handle(SendCallSignal command, CancellationToken cancellationToken)
    {
        var sender = currentUser.Id;
        var callId = new CallId(command.CallId);
        var call = await db.CallLogs.AsNoTracking()
            .Where(c => c.Id == callId)
            .Select(c => new { c.ConversationId, c.CallerUserId, c.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return CallErrors.NotFound;
        }

        var participants = await CallParticipants.Of(db, call.ConversationId, call.CallerUserId).ToListAsync(cancellationToken);
        if (!participants.Contains(sender))
        {
            return CallErrors.NotFound;
        }

        if (!CallParticipants.LiveStatuses.Contains(call.Status))
        {
            return CallErrors.Finished;
        }

        var others = participants.Where(id => id != sender).ToList();

        // A copy: the hub's argument buffer may be reused once this method returns.
        var signal = new CallSignalEvent(command.CallId, sender.Value, command.Kind, command.Payload.Clone());
        await realtime.PublishAsync(others, EventName, signal, cancellationToken);
        return Result.Success();
    }
}

/// <summary>The hub event <c>call_signal {call_id, from_user_id, kind, payload}</c>.</summary>
public sealed record CallSignalEvent(int CallId, int FromUserId, string Kind, JsonElement Payload);
