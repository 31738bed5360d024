using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Calls;

namespace Astegni.Chat.Application.Calls;

/// <summary>A call as clients see it (REST and the hub's <c>call_ringing</c> / <c>call_updated</c>).</summary>
public sealed record CallView(
    int Id,
    int ConversationId,
    int CallerUserId,
    string CallType,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    int? DurationSeconds)
{
    public static CallView Of(CallLog call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new CallView(
            call.Id.Value,
            call.ConversationId.Value,
            call.CallerUserId.Value,
            WireValue.Of(call.CallType),
            WireValue.Of(call.Status),
            call.StartedAt,
            call.AnsweredAt,
            call.EndedAt,
            call.DurationSeconds);
    }
}

/// <summary>The body of <c>POST</c> / <c>PUT /api/chat/calls</c> answers and of the hub's call events: <c>{call}</c>.</summary>
public sealed record CallEnvelope(CallView Call);
