using System.Globalization;
using System.Text.Json;
using Astegni.Chat.Api.Tests.RealtimeData;
using Microsoft.AspNetCore.SignalR;
using static Astegni.Chat.Api.Tests.CallChatClient;

namespace Astegni.Chat.Api.Tests.Calls;

/// <summary>A call from ringing to its end, seen by real SignalR clients of both people and of an outsider.</summary>
public sealed class CallFlowTests : ApiTest
{
    private static readonly string[] CallEvents = [Ringing, Updated, Signal];

    // User ids are reused by the next test: wait until this test's connections are gone.
    [TearDown]
    public Task LetConnectionsClose() => Factory.WaitUntilQuietAsync();

    [Test]
    public async Task Call_RingsTheOtherPerson_AnAnswerReachesBothSides_AndNoOutsider()
    {
        var abebe = await UserAsync("Abebe");
        var almaz = await UserAsync("Almaz");
        var outsider = await UserAsync("Outsider");
        var conversationId = await abebe.OpenDirectIdAsync(almaz.Id);
        await outsider.OpenDirectIdAsync(abebe.Id);
        await using var abebePhone = await HubListener.ConnectAsync(abebe.Id, CallEvents);
        await using var almazPhone = await HubListener.ConnectAsync(almaz.Id, CallEvents);
        await using var outsiderPhone = await HubListener.ConnectAsync(outsider.Id, CallEvents);

        var placed = await abebe.StartCallOkAsync(conversationId, "video");

        var ringing = (await almazPhone.NextAsync(Ringing)).GetProperty("call");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(placed["status"]!.GetValue<string>(), Is.EqualTo("ringing"));
            Assert.That(placed["call_type"]!.GetValue<string>(), Is.EqualTo("video"));
            Assert.That(placed["caller_user_id"]!.GetValue<int>(), Is.EqualTo(abebe.Id));
            Assert.That(placed["conversation_id"]!.GetValue<int>(), Is.EqualTo(conversationId));
            Assert.That(placed["answered_at"], Is.Null);
            Assert.That(placed["duration_seconds"], Is.Null);
            Assert.That(ringing.Int("id"), Is.EqualTo(placed["id"]!.GetValue<int>()));
            Assert.That(ringing.GetProperty("caller_user_id").GetInt32(), Is.EqualTo(abebe.Id));
            Assert.That(ringing.GetProperty("call_type").GetString(), Is.EqualTo("video"));
            Assert.That(ringing.GetProperty("status").GetString(), Is.EqualTo("ringing"));
            Assert.That(ringing.GetProperty("started_at").GetString(), Does.EndWith("Z"));
        }

        var answered = await almaz.CallActionOkAsync(placed["id"]!.GetValue<int>(), "answer");

        var toCaller = (await abebePhone.NextAsync(Updated)).GetProperty("call");
        var toCallee = (await almazPhone.NextAsync(Updated)).GetProperty("call");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answered["status"]!.GetValue<string>(), Is.EqualTo("answered"));
            Assert.That(answered["answered_at"], Is.Not.Null);
            Assert.That(toCaller.GetProperty("status").GetString(), Is.EqualTo("answered"));
            Assert.That(toCallee.GetProperty("status").GetString(), Is.EqualTo("answered"));
            Assert.That(abebePhone.All(Ringing), Is.Empty, "the caller is not rung by their own call");
        }

        await Task.Delay(HubListener.Quiet);
        Assert.That(outsiderPhone.All(Ringing).Concat(outsiderPhone.All(Updated)), Is.Empty);
    }

    [Test]
    public async Task Signals_GoOnlyToTheOtherParticipant_StampedWithTheSender_AndAnOutsiderCannotSignal()
    {
        var (caller, callee, outsider, callId) = await AnsweredCallWithAnOutsiderAsync();
        await using var callerPhone = await HubListener.ConnectAsync(caller.Id, CallEvents);
        await using var calleePhone = await HubListener.ConnectAsync(callee.Id, CallEvents);
        await using var outsiderPhone = await HubListener.ConnectAsync(outsider.Id, CallEvents);
        var offer = new { type = "offer", sdp = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n" };

        await callerPhone.SendCallSignalAsync(callId, "offer", offer);
        var atCallee = await calleePhone.NextAsync(Signal);
        await calleePhone.SendCallSignalAsync(callId, "answer", new { type = "answer", sdp = "v=0\r\n" });
        var atCaller = await callerPhone.NextAsync(Signal);
        await callerPhone.SendCallSignalAsync(callId, "ice_candidate", new { candidate = "candidate:1 1 udp 2122260223 127.0.0.1 54400 typ host", sdpMid = "0", sdpMLineIndex = 0 });
        var candidate = await calleePhone.NextAsync(Signal);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(atCallee.Int("call_id"), Is.EqualTo(callId));
            Assert.That(atCallee.Int("from_user_id"), Is.EqualTo(caller.Id));
            Assert.That(atCallee.GetProperty("kind").GetString(), Is.EqualTo("offer"));
            Assert.That(atCallee.GetProperty("payload").GetProperty("sdp").GetString(), Is.EqualTo(offer.sdp), "relayed as sent");
            Assert.That(atCaller.Int("from_user_id"), Is.EqualTo(callee.Id));
            Assert.That(atCaller.GetProperty("kind").GetString(), Is.EqualTo("answer"));
            Assert.That(candidate.GetProperty("kind").GetString(), Is.EqualTo("ice_candidate"));
            Assert.That(candidate.GetProperty("payload").GetProperty("sdpMLineIndex").GetInt32(), Is.Zero);
        }

        var intrusion = Assert.ThrowsAsync<HubException>(() => outsiderPhone.SendCallSignalAsync(callId, "offer", offer));
        var intoNothing = Assert.ThrowsAsync<HubException>(() => outsiderPhone.SendCallSignalAsync(callId + 1000, "offer", offer));

        await Task.Delay(HubListener.Quiet);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(intrusion!.Message, Does.Contain("call_not_found"));
            Assert.That(intoNothing!.Message, Does.Contain("call_not_found"), "the same answer: existence is not revealed");
            Assert.That(outsiderPhone.All(Signal), Is.Empty);
            Assert.That(callerPhone.All(Signal), Has.Count.EqualTo(1), "a sender does not hear their own signals");
            Assert.That(calleePhone.All(Signal), Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task Signal_CannotClaimAnotherSender()
    {
        var (caller, callee, _, callId) = await AnsweredCallWithAnOutsiderAsync();
        await using var callerPhone = await HubListener.ConnectAsync(caller.Id, CallEvents);
        await using var calleePhone = await HubListener.ConnectAsync(callee.Id, CallEvents);

        // There is no sender argument to fill in, and a sender written into the payload is just payload.
        Assert.ThrowsAsync<HubException>(() => calleePhone.InvokeRawAsync("SendCallSignal", callId, "offer", new { sdp = "x" }, caller.Id));
        await calleePhone.SendCallSignalAsync(callId, "offer", new { from_user_id = caller.Id, sdp = "x" });

        var relayed = await callerPhone.NextAsync(Signal);
        Assert.That(relayed.Int("from_user_id"), Is.EqualTo(callee.Id));
    }

    [Test]
    public async Task Renegotiation_FromVoiceToVideo_IsRelayed_AndTheLogKeepsHowTheCallWasPlaced()
    {
        var (caller, callee, _, callId) = await AnsweredCallWithAnOutsiderAsync();
        await using var callerPhone = await HubListener.ConnectAsync(caller.Id, CallEvents);
        await using var calleePhone = await HubListener.ConnectAsync(callee.Id, CallEvents);

        await callerPhone.SendCallSignalAsync(callId, "renegotiate", new { type = "offer", sdp = "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n" });

        var relayed = await calleePhone.NextAsync(Signal);
        var history = await caller.ListCallsOkAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(relayed.GetProperty("kind").GetString(), Is.EqualTo("renegotiate"));
            Assert.That(relayed.GetProperty("payload").GetProperty("sdp").GetString(), Does.StartWith("m=video"));
            Assert.That(history["calls"]![0]!["call_type"]!.GetValue<string>(), Is.EqualTo("voice"));
        }
    }

    [Test]
    public async Task Signal_OnAFinishedCall_IsRefused_AndNothingIsRelayed()
    {
        var (caller, callee, _, callId) = await AnsweredCallWithAnOutsiderAsync();
        await caller.CallActionOkAsync(callId, "end");
        await using var callerPhone = await HubListener.ConnectAsync(caller.Id, CallEvents);
        await using var calleePhone = await HubListener.ConnectAsync(callee.Id, CallEvents);

        var refused = Assert.ThrowsAsync<HubException>(() => callerPhone.SendCallSignalAsync(callId, "ice_candidate", new { candidate = "" }));

        await Task.Delay(HubListener.Quiet);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused!.Message, Does.Contain("call_finished"));
            Assert.That(calleePhone.All(Signal), Is.Empty);
        }
    }

    [Test]
    public async Task Signal_WhileStillRinging_IsRelayed()
    {
        var caller = await UserAsync("Caller");
        var callee = await UserAsync("Callee");
        var callId = await caller.StartCallIdAsync(await caller.OpenDirectIdAsync(callee.Id), "video");
        await using var callerPhone = await HubListener.ConnectAsync(caller.Id, CallEvents);
        await using var calleePhone = await HubListener.ConnectAsync(callee.Id, CallEvents);

        await callerPhone.SendCallSignalAsync(callId, "offer", new { type = "offer", sdp = "v=0" });

        Assert.That((await calleePhone.NextAsync(Signal)).Int("from_user_id"), Is.EqualTo(caller.Id));
    }

    [TestCase(0, "offer", "invalid_call_id")]
    [TestCase(1, "hello", "invalid_signal_kind")]
    [TestCase(1, "", "invalid_signal_kind")]
    public async Task Signal_WithMalformedArguments_IsRefusedWithACode(int callId, string kind, string code)
    {
        var me = await UserAsync("Me");
        await using var myPhone = await HubListener.ConnectAsync(me.Id, CallEvents);

        var refused = Assert.ThrowsAsync<HubException>(() => myPhone.SendCallSignalAsync(callId, kind, new { sdp = "v=0" }));

        Assert.That(refused!.Message, Does.Contain(code));
    }

    [Test]
    public async Task Signal_OverTheSizeLimit_IsRefused_AndTheConnectionStaysUsable()
    {
        var (caller, callee, _, callId) = await AnsweredCallWithAnOutsiderAsync();
        await using var callerPhone = await HubListener.ConnectAsync(caller.Id, CallEvents);
        await using var calleePhone = await HubListener.ConnectAsync(callee.Id, CallEvents);

        var refused = Assert.ThrowsAsync<HubException>(() =>
            callerPhone.SendCallSignalAsync(callId, "offer", new { sdp = new string('a', (64 * 1024) + 1) }));
        await callerPhone.SendCallSignalAsync(callId, "offer", new { sdp = new string('a', 60 * 1024) });

        var relayed = await calleePhone.NextAsync(Signal);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused!.Message, Does.Contain("signal_payload_too_large"));
            Assert.That(relayed.GetProperty("payload").GetProperty("sdp").GetString(), Has.Length.EqualTo(60 * 1024));
            Assert.That(calleePhone.All(Signal), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task End_ComputesTheDurationOnTheServer_TellsBothSides_AndLeavesOneLogRow()
    {
        var caller = await UserAsync("Caller");
        var callee = await UserAsync("Callee");
        var conversationId = await caller.OpenDirectIdAsync(callee.Id);
        await using var callerPhone = await HubListener.ConnectAsync(caller.Id, CallEvents);
        await using var calleePhone = await HubListener.ConnectAsync(callee.Id, CallEvents);
        var callId = await caller.StartCallIdAsync(conversationId);
        await callee.CallActionOkAsync(callId, "answer");

        // The answer an hour earlier, as if the two had talked that long.
        await Db.ExecuteAsync("UPDATE call_logs SET answered_at = answered_at - interval '1 hour' WHERE id = $1", callId);
        var ended = await callee.CallActionOkAsync(callId, "end");

        var toCaller = await NextWithStatusAsync(callerPhone, "ended");
        var toCallee = await NextWithStatusAsync(calleePhone, "ended");
        var answeredAt = DateTimeOffset.Parse(ended["answered_at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var endedAt = DateTimeOffset.Parse(ended["ended_at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ended["status"]!.GetValue<string>(), Is.EqualTo("ended"));
            Assert.That(ended["duration_seconds"]!.GetValue<int>(), Is.EqualTo((int)Math.Floor((endedAt - answeredAt).TotalSeconds)));
            Assert.That(ended["duration_seconds"]!.GetValue<int>(), Is.InRange(3600, 3610));
            Assert.That(toCaller.GetProperty("duration_seconds").GetInt32(), Is.EqualTo(ended["duration_seconds"]!.GetValue<int>()));
            Assert.That(toCallee.GetProperty("id").GetInt32(), Is.EqualTo(callId));
            Assert.That(await Db.CallLogRowsAsync(conversationId), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Decline_EndsTheCallForBothSides()
    {
        var caller = await UserAsync("Caller");
        var callee = await UserAsync("Callee");
        var conversationId = await caller.OpenDirectIdAsync(callee.Id);
        await using var callerPhone = await HubListener.ConnectAsync(caller.Id, CallEvents);
        await using var calleePhone = await HubListener.ConnectAsync(callee.Id, CallEvents);
        var callId = await caller.StartCallIdAsync(conversationId);

        var declined = await callee.CallActionOkAsync(callId, "decline");

        var toCaller = (await callerPhone.NextAsync(Updated)).GetProperty("call");
        await calleePhone.NextAsync(Updated);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(declined["status"]!.GetValue<string>(), Is.EqualTo("declined"));
            Assert.That(declined["ended_at"], Is.Not.Null);
            Assert.That(declined["duration_seconds"], Is.Null);
            Assert.That(toCaller.GetProperty("status").GetString(), Is.EqualTo("declined"));
            Assert.That(await Db.CallLogRowsAsync(conversationId), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Cancel_StopsTheRingingAtTheCallee()
    {
        var caller = await UserAsync("Caller");
        var callee = await UserAsync("Callee");
        var conversationId = await caller.OpenDirectIdAsync(callee.Id);
        await using var calleePhone = await HubListener.ConnectAsync(callee.Id, CallEvents);
        var callId = await caller.StartCallIdAsync(conversationId);
        await calleePhone.NextAsync(Ringing);

        var cancelled = await caller.CallActionOkAsync(callId, "cancel");

        var toCallee = (await calleePhone.NextAsync(Updated)).GetProperty("call");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cancelled["status"]!.GetValue<string>(), Is.EqualTo("cancelled"));
            Assert.That(toCallee.GetProperty("status").GetString(), Is.EqualTo("cancelled"));
            Assert.That(toCallee.GetProperty("answered_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }
    }

    [Test]
    public async Task GroupCall_RingsEveryMemberButOneWhoBlockedTheCaller_TheFirstAnswerWins()
    {
        var caller = await UserAsync("Caller");
        var first = await UserAsync("First");
        var second = await UserAsync("Second");
        var blocker = await UserAsync("Blocker");
        var groupId = await caller.CreateGroupIdAsync("Physics study group", first.Id, second.Id, blocker.Id);
        await blocker.BlockAsync(caller.Id);
        await using var firstPhone = await HubListener.ConnectAsync(first.Id, CallEvents);
        await using var secondPhone = await HubListener.ConnectAsync(second.Id, CallEvents);
        await using var blockerPhone = await HubListener.ConnectAsync(blocker.Id, CallEvents);

        var callId = await caller.StartCallIdAsync(groupId, "video");
        await firstPhone.NextAsync(Ringing);
        await secondPhone.NextAsync(Ringing);

        // Declining a group call only silences it for the one who declines.
        var declined = await second.CallActionOkAsync(callId, "decline");
        var answered = await first.CallActionOkAsync(callId, "answer");
        var late = await second.CallActionAsync(callId, "answer");
        var byTheBlocker = await blocker.CallActionAsync(callId, "answer");

        await late.ProblemAsync(System.Net.HttpStatusCode.Conflict, "call_already_answered");
        await byTheBlocker.ProblemAsync(System.Net.HttpStatusCode.NotFound, "call_not_found");
        await secondPhone.NextAsync(Updated);
        await Task.Delay(HubListener.Quiet);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(declined["status"]!.GetValue<string>(), Is.EqualTo("ringing"));
            Assert.That(answered["status"]!.GetValue<string>(), Is.EqualTo("answered"));
            Assert.That(blockerPhone.All(Ringing).Concat(blockerPhone.All(Updated)), Is.Empty, "a block stops calls in a group too");
        }
    }

    private static async Task<JsonElement> NextWithStatusAsync(HubListener listener, string status)
    {
        while (true)
        {
            var call = (await listener.NextAsync(Updated)).GetProperty("call");
            if (call.GetProperty("status").GetString() == status)
            {
                return call;
            }
        }
    }

    /// <summary>An answered direct call between two people, and a third person who chats with the caller elsewhere.</summary>
    private static async Task<(TestUser Caller, TestUser Callee, TestUser Outsider, int CallId)> AnsweredCallWithAnOutsiderAsync()
    {
        var caller = await UserAsync("Caller");
        var callee = await UserAsync("Callee");
        var outsider = await UserAsync("Outsider");
        await outsider.OpenDirectIdAsync(caller.Id);
        var callId = await caller.StartCallIdAsync(await caller.OpenDirectIdAsync(callee.Id));
        await callee.CallActionOkAsync(callId, "answer");
        return (caller, callee, outsider, callId);
    }
}
