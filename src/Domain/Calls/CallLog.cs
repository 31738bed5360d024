using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Calls;

public enum CallType
{
    Voice,
    Video,
}

public enum CallStatus
{
    Initiated,
    Ringing,
    Answered,
    Missed,
    Declined,
    Cancelled,
    NoAnswer,
    Ended,
    Failed,
}

/// <summary>One voice or video call in a conversation: one row per call (Astegni's <c>call_logs</c>).</summary>
public sealed class CallLog : AggregateRoot
{
    private CallLog()
    {
    }

    public CallId Id { get; private set; }
    public ConversationId ConversationId { get; private set; }
    public UserId CallerUserId { get; private set; }
    public CallType CallType { get; private set; }
    public CallStatus Status { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Computed by the server from answer to end; never taken from a client.</summary>
    public int? DurationSeconds { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
