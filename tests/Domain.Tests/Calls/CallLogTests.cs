using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;

namespace Astegni.Chat.Domain.Tests.Calls;

public class CallLogTests
{
    private static readonly DateTimeOffset StartedAt = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(30);
    private static readonly UserId Caller = new(7);
    private static readonly UserId Callee = new(42);
    private static readonly UserId Stranger = new(99);
    private static readonly UserId Third = new(55);

    private static Conversation Direct() => Conversation.OpenDirect(Caller, Callee, StartedAt.AddDays(-1));

    private static Conversation Group(params UserId[] members) =>
        Conversation.CreateGroup(Caller, "Grade 11 physics", null, null, members, StartedAt.AddDays(-1), memberLimit: 256).Value;

    private static CallLog Ringing(Conversation conversation, CallType type = CallType.Voice)
    {
        var call = CallLog.Start(conversation, Caller, type, StartedAt).Value;
        call.ClearDomainEvents();
        return call;
    }

    private static CallLog Answered(Conversation conversation, DateTimeOffset? at = null)
    {
        var call = Ringing(conversation);
        Assert.That(call.Answer(conversation, Callee, at ?? StartedAt.AddSeconds(5)).IsSuccess, Is.True);
        call.ClearDomainEvents();
        return call;
    }

    // ---- Start ----

    [TestCase(CallType.Voice)]
    [TestCase(CallType.Video)]
    public void Start_ByAMemberOfADirectChat_RingsFromTheServersTime(CallType type)
    {
        var conversation = Direct();

        var call = CallLog.Start(conversation, Caller, type, StartedAt).Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Ringing));
            Assert.That(call.CallType, Is.EqualTo(type));
            Assert.That(call.CallerUserId, Is.EqualTo(Caller));
            Assert.That(call.ConversationId, Is.EqualTo(conversation.Id));
            Assert.That(call.StartedAt, Is.EqualTo(StartedAt));
            Assert.That(call.CreatedAt, Is.EqualTo(StartedAt));
            Assert.That(call.AnsweredAt, Is.Null);
            Assert.That(call.EndedAt, Is.Null);
            Assert.That(call.DurationSeconds, Is.Null);
            Assert.That(call.DomainEvents, Is.EqualTo(new[] { new CallStarted(call) }));
        }
    }

    [Test]
    public void Start_InAGroup_Rings()
    {
        var call = CallLog.Start(Group(Callee, Third), Caller, CallType.Video, StartedAt);

        Assert.That(call.Value.Status, Is.EqualTo(CallStatus.Ringing));
    }

    [Test]
    public void Start_ByANonMember_IsRefusedAsConversationNotFound()
    {
        var call = CallLog.Start(Direct(), Stranger, CallType.Voice, StartedAt);

        Assert.That(call.Error?.Code, Is.EqualTo("conversation_not_found"));
    }

    [Test]
    public void Start_InMyNotes_IsRefused_AsThereIsNobodyToCall()
    {
        var notes = Conversation.OpenDirect(Caller, Caller, StartedAt);

        var call = CallLog.Start(notes, Caller, CallType.Voice, StartedAt);

        Assert.That(call.Error?.Code, Is.EqualTo("nobody_to_call"));
    }

    [Test]
    public void Start_InAGroupWhoseOtherMembersAllLeft_IsRefused_AsThereIsNobodyToCall()
    {
        var group = Group(Callee);
        group.Leave(Callee, StartedAt.AddHours(-1));

        var call = CallLog.Start(group, Caller, CallType.Voice, StartedAt);

        Assert.That(call.Error?.Code, Is.EqualTo("nobody_to_call"));
    }

    // ---- Answer ----

    [Test]
    public void Answer_ByTheCallee_WhileRinging_IsAnsweredAtThatTime_AndTellsWhoAnswered()
    {
        var conversation = Direct();
        var call = Ringing(conversation);
        var at = StartedAt.AddSeconds(8);

        var result = call.Answer(conversation, Callee, at);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Answered));
            Assert.That(call.AnsweredAt, Is.EqualTo(at));
            Assert.That(call.EndedAt, Is.Null);
            Assert.That(call.DurationSeconds, Is.Null);
            Assert.That(call.DomainEvents, Is.EqualTo(new[] { new CallUpdated(call, Callee) }));
        }
    }

    [Test]
    public void Answer_ByTheCaller_IsRefused()
    {
        var conversation = Direct();
        var call = Ringing(conversation);

        var result = call.Answer(conversation, Caller, StartedAt.AddSeconds(1));

        AssertRefusedUnchanged(call, result, "caller_cannot_answer", CallStatus.Ringing);
    }

    [Test]
    public void Answer_ASecondTime_ByAnotherGroupMember_IsRefused_TheFirstAnswerStands()
    {
        var group = Group(Callee, Third);
        var call = Ringing(group);
        call.Answer(group, Callee, StartedAt.AddSeconds(3));
        call.ClearDomainEvents();

        var second = call.Answer(group, Third, StartedAt.AddSeconds(4));

        AssertRefusedUnchanged(call, second, "call_already_answered", CallStatus.Answered);
        Assert.That(call.AnsweredAt, Is.EqualTo(StartedAt.AddSeconds(3)));
    }

    [Test]
    public void Answer_ByAStranger_IsRefusedAsNotFound()
    {
        var conversation = Direct();
        var call = Ringing(conversation);

        var result = call.Answer(conversation, Stranger, StartedAt.AddSeconds(1));

        AssertRefusedUnchanged(call, result, "call_not_found", CallStatus.Ringing);
    }

    [Test]
    public void Answer_BySomeoneWhoLeftTheGroupWhileItRang_IsRefusedAsNotFound()
    {
        var group = Group(Callee, Third);
        var call = Ringing(group);
        group.Leave(Third, StartedAt.AddSeconds(1));

        var result = call.Answer(group, Third, StartedAt.AddSeconds(2));

        AssertRefusedUnchanged(call, result, "call_not_found", CallStatus.Ringing);
    }

    [Test]
    public void Answer_ALegacyInitiatedCall_IsAllowed()
    {
        // Rows the old client wrote may still say "initiated" for a call that rings.
        var conversation = Direct();
        var call = Ringing(conversation);
        typeof(CallLog).GetProperty(nameof(CallLog.Status))!.SetValue(call, CallStatus.Initiated);

        Assert.That(call.Answer(conversation, Callee, StartedAt.AddSeconds(2)).IsSuccess, Is.True);
    }

    // ---- Decline ----

    [Test]
    public void Decline_ByTheCalleeOfADirectCall_EndsItAsDeclined_WithoutADuration()
    {
        var conversation = Direct();
        var call = Ringing(conversation);
        var at = StartedAt.AddSeconds(6);

        var result = call.Decline(conversation, Callee, at);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Declined));
            Assert.That(call.EndedAt, Is.EqualTo(at));
            Assert.That(call.AnsweredAt, Is.Null);
            Assert.That(call.DurationSeconds, Is.Null);
            Assert.That(call.DomainEvents, Is.EqualTo(new[] { new CallUpdated(call, Callee) }));
        }
    }

    [Test]
    public void Decline_ByTheCaller_IsRefused()
    {
        var conversation = Direct();
        var call = Ringing(conversation);

        var result = call.Decline(conversation, Caller, StartedAt.AddSeconds(1));

        AssertRefusedUnchanged(call, result, "caller_cannot_decline", CallStatus.Ringing);
    }

    [Test]
    public void Decline_InAGroup_OnlySilencesItForTheDecliner_AnotherMemberMayStillAnswer()
    {
        var group = Group(Callee, Third);
        var call = Ringing(group);

        var declined = call.Decline(group, Callee, StartedAt.AddSeconds(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(declined.IsSuccess, Is.True);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Ringing));
            Assert.That(call.EndedAt, Is.Null);
            Assert.That(call.DomainEvents, Is.Empty);
        }

        Assert.That(call.Answer(group, Third, StartedAt.AddSeconds(3)).IsSuccess, Is.True);
    }

    [Test]
    public void Decline_AfterTheAnswer_IsRefused()
    {
        var conversation = Direct();
        var call = Answered(conversation);

        var result = call.Decline(conversation, Callee, StartedAt.AddSeconds(9));

        AssertRefusedUnchanged(call, result, "call_already_answered", CallStatus.Answered);
    }

    // ---- Cancel ----

    [Test]
    public void Cancel_ByTheCaller_WhileRinging_EndsItAsCancelled()
    {
        var conversation = Direct();
        var call = Ringing(conversation);
        var at = StartedAt.AddSeconds(4);

        var result = call.Cancel(conversation, Caller, at);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Cancelled));
            Assert.That(call.EndedAt, Is.EqualTo(at));
            Assert.That(call.DurationSeconds, Is.Null);
            Assert.That(call.DomainEvents, Is.EqualTo(new[] { new CallUpdated(call, Caller) }));
        }
    }

    [Test]
    public void Cancel_ByTheCallee_IsRefused()
    {
        var conversation = Direct();
        var call = Ringing(conversation);

        var result = call.Cancel(conversation, Callee, StartedAt.AddSeconds(1));

        AssertRefusedUnchanged(call, result, "only_caller_can_cancel", CallStatus.Ringing);
    }

    [Test]
    public void Cancel_AfterTheAnswer_IsRefused_TheCallMustBeEnded()
    {
        var conversation = Direct();
        var call = Answered(conversation);

        var result = call.Cancel(conversation, Caller, StartedAt.AddSeconds(20));

        AssertRefusedUnchanged(call, result, "call_already_answered", CallStatus.Answered);
    }

    [Test]
    public void Cancel_ByAStranger_IsRefusedAsNotFound()
    {
        var conversation = Direct();
        var call = Ringing(conversation);

        var result = call.Cancel(conversation, Stranger, StartedAt.AddSeconds(1));

        AssertRefusedUnchanged(call, result, "call_not_found", CallStatus.Ringing);
    }

    // ---- End ----

    [TestCase(7)]
    [TestCase(42)]
    public void End_ByEitherSide_AfterTheAnswer_EndsWithTheWholeSecondsFromAnswerToEnd(int by)
    {
        var conversation = Direct();
        var answeredAt = StartedAt.AddSeconds(5);
        var call = Answered(conversation, answeredAt);
        var endedAt = answeredAt.AddMinutes(12).AddSeconds(34).AddMilliseconds(900);

        var result = call.End(conversation, new UserId(by), endedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Ended));
            Assert.That(call.AnsweredAt, Is.EqualTo(answeredAt));
            Assert.That(call.EndedAt, Is.EqualTo(endedAt));
            Assert.That(call.DurationSeconds, Is.EqualTo((12 * 60) + 34));
            Assert.That(call.DomainEvents, Is.EqualTo(new[] { new CallUpdated(call, new UserId(by)) }));
        }
    }

    [Test]
    public void End_WhenTheServersClockSteppedBack_HasNoNegativeDuration()
    {
        var conversation = Direct();
        var call = Answered(conversation, StartedAt.AddSeconds(10));

        call.End(conversation, Caller, StartedAt.AddSeconds(8));

        Assert.That(call.DurationSeconds, Is.Zero);
    }

    [Test]
    public void End_BeforeTheAnswer_IsRefused()
    {
        var conversation = Direct();
        var call = Ringing(conversation);

        var result = call.End(conversation, Caller, StartedAt.AddSeconds(3));

        AssertRefusedUnchanged(call, result, "call_not_answered", CallStatus.Ringing);
        Assert.That(call.DurationSeconds, Is.Null);
    }

    [Test]
    public void End_ByAStranger_IsRefusedAsNotFound()
    {
        var conversation = Direct();
        var call = Answered(conversation);

        var result = call.End(conversation, Stranger, StartedAt.AddMinutes(1));

        AssertRefusedUnchanged(call, result, "call_not_found", CallStatus.Answered);
    }

    [Test]
    public void End_ASecondTime_IsRefused_TheFirstEndAndDurationStand()
    {
        var conversation = Direct();
        var call = Answered(conversation, StartedAt.AddSeconds(5));
        call.End(conversation, Caller, StartedAt.AddSeconds(65));
        call.ClearDomainEvents();

        var again = call.End(conversation, Callee, StartedAt.AddSeconds(95));

        AssertRefusedUnchanged(call, again, "call_finished", CallStatus.Ended);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.EndedAt, Is.EqualTo(StartedAt.AddSeconds(65)));
            Assert.That(call.DurationSeconds, Is.EqualTo(60));
        }
    }

    // ---- Missed ----

    [Test]
    public void Miss_OnceTheRingTimeoutPassedUnanswered_IsMissed_ByNobody()
    {
        var call = Ringing(Direct());
        var at = StartedAt + RingTimeout;

        var result = call.Miss(at, RingTimeout);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Missed));
            Assert.That(call.EndedAt, Is.EqualTo(at));
            Assert.That(call.DurationSeconds, Is.Null);
            Assert.That(call.DomainEvents, Is.EqualTo(new[] { new CallUpdated(call, null) }));
        }
    }

    [Test]
    public void Miss_BeforeTheRingTimeout_IsRefused()
    {
        var call = Ringing(Direct());

        var result = call.Miss(StartedAt + RingTimeout - TimeSpan.FromMilliseconds(1), RingTimeout);

        AssertRefusedUnchanged(call, result, "call_still_ringing", CallStatus.Ringing);
    }

    [Test]
    public void Miss_AnAnsweredCall_IsRefused()
    {
        var call = Answered(Direct());

        var result = call.Miss(StartedAt.AddMinutes(5), RingTimeout);

        AssertRefusedUnchanged(call, result, "call_already_answered", CallStatus.Answered);
    }

    // ---- Failed ----

    [Test]
    public void Fail_WhileRinging_FailsWithoutADuration()
    {
        var call = Ringing(Direct());

        var result = call.Fail(StartedAt.AddSeconds(3));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Failed));
            Assert.That(call.EndedAt, Is.EqualTo(StartedAt.AddSeconds(3)));
            Assert.That(call.DurationSeconds, Is.Null);
            Assert.That(call.DomainEvents, Is.EqualTo(new[] { new CallUpdated(call, null) }));
        }
    }

    [Test]
    public void Fail_AfterTheAnswer_KeepsTheTimeTalked()
    {
        var call = Answered(Direct(), StartedAt.AddSeconds(5));

        call.Fail(StartedAt.AddSeconds(50));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Failed));
            Assert.That(call.DurationSeconds, Is.EqualTo(45));
        }
    }

    // ---- Nothing leaves a final status ----

    public enum Outcome
    {
        Declined,
        Cancelled,
        Missed,
        Ended,
        Failed,
    }

    private static (Conversation Conversation, CallLog Call) Finished(Outcome outcome)
    {
        var conversation = Direct();
        var call = outcome == Outcome.Ended ? Answered(conversation) : Ringing(conversation);
        var at = StartedAt.AddMinutes(1);
        var done = outcome switch
        {
            Outcome.Declined => call.Decline(conversation, Callee, at),
            Outcome.Cancelled => call.Cancel(conversation, Caller, at),
            Outcome.Missed => call.Miss(at, RingTimeout),
            Outcome.Ended => call.End(conversation, Caller, at),
            _ => call.Fail(at),
        };
        Assert.That(done.IsSuccess, Is.True);
        call.ClearDomainEvents();
        return (conversation, call);
    }

    [Test]
    public void EveryActionOnAFinishedCall_IsRefused_AndChangesNothing([Values] Outcome outcome)
    {
        var (conversation, call) = Finished(outcome);
        var status = call.Status;
        var endedAt = call.EndedAt;
        var duration = call.DurationSeconds;
        var later = StartedAt.AddMinutes(10);

        var results = new Dictionary<string, Result>
        {
            ["answer"] = call.Answer(conversation, Callee, later),
            ["decline"] = call.Decline(conversation, Callee, later),
            ["cancel"] = call.Cancel(conversation, Caller, later),
            ["end"] = call.End(conversation, Callee, later),
            ["miss"] = call.Miss(later, RingTimeout),
            ["fail"] = call.Fail(later),
        };

        using (Assert.EnterMultipleScope())
        {
            foreach (var (action, result) in results)
            {
                Assert.That(result.Error?.Code, Is.EqualTo("call_finished"), action);
            }

            Assert.That(call.Status, Is.EqualTo(status));
            Assert.That(call.EndedAt, Is.EqualTo(endedAt));
            Assert.That(call.DurationSeconds, Is.EqualTo(duration));
            Assert.That(call.IsLive, Is.False);
            Assert.That(call.DomainEvents, Is.Empty);
        }
    }

    private static void AssertRefusedUnchanged(CallLog call, Result result, string code, CallStatus status)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo(code));
            Assert.That(call.Status, Is.EqualTo(status));
            Assert.That(call.DomainEvents, Is.Empty, "a refusal raises nothing");
        }
    }
}
