using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;

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

/// <summary>
/// One voice or video call in a conversation: one row per call (Astegni's <c>call_logs</c>). It rings
/// until a callee answers or declines it, the caller cancels it or it is missed; an answered call
/// ends. Every other move is refused, and nothing leaves a final status.
/// </summary>
/// <remarks>
/// The caller is the person who placed the call; a callee is any other active member of its
/// conversation. Which members take part (blocks) is the application's business; these methods
/// guard membership, who may do what, and the order of the statuses.
/// </remarks>
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

    /// <summary>Nobody has answered yet. <see cref="CallStatus.Initiated"/> is the legacy client's word for it.</summary>
    public bool IsRinging => Status is CallStatus.Ringing or CallStatus.Initiated;

    /// <summary>Ringing or answered: the call is not over.</summary>
    public bool IsLive => IsRinging || Status == CallStatus.Answered;

    /// <summary>
    /// <paramref name="caller"/>, an active member, places a call in <paramref name="conversation"/>; it rings
    /// its other active members. The application decides beforehand whether the caller may call
    /// (<c>CallPolicy</c>) and that no other call is going on there.
    /// </summary>
    public static Result<CallLog> Start(Conversation conversation, UserId caller, CallType type, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.ActiveParticipant(caller) is null)
        {
            return ConversationErrors.NotAMember;
        }

        // One's notes have nobody else in them, and a group may have only its last member left.
        if (!conversation.ActiveMemberIds.Any(member => member != caller))
        {
            return CallErrors.NobodyToCall;
        }

        var call = new CallLog
        {
            ConversationId = conversation.Id,
            CallerUserId = caller,
            CallType = type,
            Status = CallStatus.Ringing,
            StartedAt = now,
            CreatedAt = now,
        };
        call.Raise(new CallStarted(call));
        return call;
    }

    /// <summary>A callee picks up a ringing call. The first answer wins; the caller cannot answer their own call.</summary>
    public Result Answer(Conversation conversation, UserId actor, DateTimeOffset now)
    {
        var callee = Callee(conversation, actor, CallErrors.CallerCannotAnswer);
        if (!callee.IsSuccess)
        {
            return callee;
        }

        var ringing = CheckRinging();
        if (!ringing.IsSuccess)
        {
            return ringing;
        }

        Status = CallStatus.Answered;
        AnsweredAt = now;
        Raise(new CallUpdated(this, actor));
        return Result.Success();
    }

    /// <summary>
    /// A callee turns a ringing call down. In a direct chat that ends it; in a group it only stops the
    /// ringing for the one who declines (nothing changes): the others may still answer.
    /// </summary>
    public Result Decline(Conversation conversation, UserId actor, DateTimeOffset now)
    {
        var callee = Callee(conversation, actor, CallErrors.CallerCannotDecline);
        if (!callee.IsSuccess)
        {
            return callee;
        }

        var ringing = CheckRinging();
        if (!ringing.IsSuccess || conversation.Type == ConversationType.Group)
        {
            return ringing;
        }

        Finish(CallStatus.Declined, now, actor);
        return Result.Success();
    }

    /// <summary>The caller hangs up before anyone answered.</summary>
    public Result Cancel(Conversation conversation, UserId actor, DateTimeOffset now)
    {
        var member = Member(conversation, actor);
        if (!member.IsSuccess)
        {
            return member;
        }

        if (actor != CallerUserId)
        {
            return CallErrors.OnlyCallerCancels;
        }

        var ringing = CheckRinging();
        if (!ringing.IsSuccess)
        {
            return ringing;
        }

        Finish(CallStatus.Cancelled, now, actor);
        return Result.Success();
    }

    /// <summary>
    /// Either side hangs up an answered call. Its duration is the server's time from answer to end;
    /// a call that was never answered cannot end (it is cancelled, declined or missed).
    /// </summary>
    public Result End(Conversation conversation, UserId actor, DateTimeOffset now)
    {
        var member = Member(conversation, actor);
        if (!member.IsSuccess)
        {
            return member;
        }

        if (IsRinging)
        {
            return CallErrors.NotAnswered;
        }

        if (Status != CallStatus.Answered)
        {
            return CallErrors.Finished;
        }

        Finish(CallStatus.Ended, now, actor);
        return Result.Success();
    }

    /// <summary>Nobody answered within <paramref name="ringTimeout"/> of the start: the call is missed.</summary>
    public Result Miss(DateTimeOffset now, TimeSpan ringTimeout)
    {
        var ringing = CheckRinging();
        if (!ringing.IsSuccess)
        {
            return ringing;
        }

        if (now < StartedAt + ringTimeout)
        {
            return CallErrors.StillRinging;
        }

        Finish(CallStatus.Missed, now, changedBy: null);
        return Result.Success();
    }

    /// <summary>The call broke off (it could not connect, or was lost) before anyone hung up.</summary>
    public Result Fail(DateTimeOffset now)
    {
        if (!IsLive)
        {
            return CallErrors.Finished;
        }

        Finish(CallStatus.Failed, now, changedBy: null);
        return Result.Success();
    }

    private void Finish(CallStatus status, DateTimeOffset now, UserId? changedBy)
    {
        Status = status;
        EndedAt = now;
        if (AnsweredAt is { } answeredAt)
        {
            // Whole seconds talked; a clock that stepped back never makes it negative.
            DurationSeconds = (int)Math.Max(0, Math.Floor((now - answeredAt).TotalSeconds));
        }

        Raise(new CallUpdated(this, changedBy));
    }

    private Result CheckRinging() =>
        IsRinging ? Result.Success()
        : Status == CallStatus.Answered ? CallErrors.AlreadyAnswered
        : CallErrors.Finished;

    // Someone who is not an active member of the call's conversation learns nothing about the call.
    private Result Member(Conversation conversation, UserId actor)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.Id != ConversationId)
        {
            throw new ArgumentException("This is not the call's conversation.", nameof(conversation));
        }

        return conversation.ActiveParticipant(actor) is null ? CallErrors.NotFound : Result.Success();
    }

    private Result Callee(Conversation conversation, UserId actor, Error whenCaller)
    {
        var member = Member(conversation, actor);
        if (!member.IsSuccess)
        {
            return member;
        }

        return actor == CallerUserId ? whenCaller : Result.Success();
    }
}
