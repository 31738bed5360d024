using System.Diagnostics;
using System.Net;
using Astegni.Chat.Api.Tests.RealtimeData;
using Astegni.Chat.Application.Presence;
using Microsoft.Extensions.DependencyInjection;
using static Astegni.Chat.Api.Tests.CallChatClient;

namespace Astegni.Chat.Api.Tests.Calls;

/// <summary>An unanswered call becomes missed by itself; a service with a one-second <c>Calls:RingTimeout</c> proves it quickly.</summary>
public sealed class MissedCallTests : ApiTest
{
    private static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(1);
    private ConfiguredChatApiFactory _service = null!;

    [OneTimeSetUp]
    public void StartService() => _service = new ConfiguredChatApiFactory(new Dictionary<string, string>
    {
        ["Calls:RingTimeout"] = "00:00:01",
        ["Calls:MissedCallCheckInterval"] = "00:00:00.100",
    });

    [OneTimeTearDown]
    public async Task StopService() => await _service.DisposeAsync();

    [Test]
    public async Task UnansweredCall_IsMissedAfterTheRingTimeout_BothSidesAreTold_AndItCanNoLongerBeAnswered()
    {
        var (caller, callee) = await TwoUsersAsync();
        var conversationId = await caller.OpenDirectIdAsync(callee.Id);
        await using var callerPhone = await HubListener.ConnectAsync(_service.ServerAddress, caller.Id, Updated);
        await using var calleePhone = await HubListener.ConnectAsync(_service.ServerAddress, callee.Id, Updated);

        var clock = Stopwatch.StartNew();
        var callId = await caller.StartCallIdAsync(conversationId);
        var toCaller = (await callerPhone.NextAsync(Updated, RingTimeout + HubListener.Patience)).GetProperty("call");
        var after = clock.Elapsed;
        var toCallee = (await calleePhone.NextAsync(Updated)).GetProperty("call");

        var lateAnswer = await callee.CallActionAsync(callId, "answer");
        var logged = (await caller.ListCallsOkAsync())["calls"]![0]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(toCaller.GetProperty("id").GetInt32(), Is.EqualTo(callId));
            Assert.That(toCaller.GetProperty("status").GetString(), Is.EqualTo("missed"));
            Assert.That(toCallee.GetProperty("status").GetString(), Is.EqualTo("missed"));
            Assert.That(after, Is.GreaterThanOrEqualTo(RingTimeout * 0.9), "not before the ring timeout");
            Assert.That(logged["status"]!.GetValue<string>(), Is.EqualTo("missed"));
            Assert.That(logged["ended_at"], Is.Not.Null);
            Assert.That(logged["duration_seconds"], Is.Null);
            Assert.That(await Db.CallLogRowsAsync(conversationId), Is.EqualTo(1));
        }

        await lateAnswer.ProblemAsync(HttpStatusCode.Conflict, "call_finished");
    }

    [Test]
    public async Task AnsweredCall_IsNeverMarkedMissed()
    {
        var (caller, callee) = await TwoUsersAsync();
        var callId = await caller.StartCallIdAsync(await caller.OpenDirectIdAsync(callee.Id));
        await callee.CallActionOkAsync(callId, "answer");

        await Task.Delay(RingTimeout * 2);

        var logged = (await caller.ListCallsOkAsync())["calls"]![0]!;
        Assert.That(logged["status"]!.GetValue<string>(), Is.EqualTo("answered"));
    }

    [Test]
    public async Task ManyCallsThatRangOut_AllBecomeMissed_ByTheNextChecks()
    {
        var (caller, callee) = await TwoUsersAsync();
        var conversationId = await caller.OpenDirectIdAsync(callee.Id);
        await Db.ExecuteAsync(
            """
            INSERT INTO call_logs (conversation_id, caller_user_id, call_type, status, started_at, created_at)
            SELECT $1, $2, 'voice', CASE WHEN n % 10 = 0 THEN 'initiated' ELSE 'ringing' END,
                   now() - interval '1 minute' - make_interval(secs => n), now()
              FROM generate_series(1, 250) AS n
            """,
            conversationId, caller.Id);

        var deadline = DateTime.UtcNow + HubListener.Patience;
        long stillRinging;
        do
        {
            await Task.Delay(100);
            stillRinging = await Db.ScalarAsync<long>("SELECT count(*) FROM call_logs WHERE status IN ('ringing', 'initiated')");
        }
        while (stillRinging > 0 && DateTime.UtcNow < deadline);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stillRinging, Is.Zero);
            Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM call_logs WHERE status = 'missed' AND ended_at IS NOT NULL"), Is.EqualTo(250));
        }
    }

    private async Task<(TestUser Caller, TestUser Callee)> TwoUsersAsync() =>
        (_service.User(await Db.AddUserAsync("Caller")), _service.User(await Db.AddUserAsync("Callee")));

    // User ids are reused by the next test: wait until this service has seen this test's connections close
    // (and stored their last seen), as WaitUntilQuietAsync does for the assembly's service.
    [TearDown]
    public async Task LetConnectionsClose()
    {
        var presence = _service.Services.GetRequiredService<InMemoryPresenceStore>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (presence.OpenConnectionCount > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await Task.Delay(200);
    }
}
