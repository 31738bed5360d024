using System.Net;
using Astegni.Chat.Api.Tests.Calls;
using Astegni.Chat.Api.Tests.RealtimeData;

namespace Astegni.Chat.Api.Tests.ScaleOut;

/// <summary>
/// Issue 9: two instances of the service on one database and one Redis, as behind a load balancer. What one
/// instance does reaches the hub clients of the other; limits are counted once for both; Redis down degrades.
/// </summary>
[NonParallelizable]
public sealed class TwoInstanceTests : TwoInstanceTest
{
    private const string MessageCreated = "message_created";

    protected override Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:Messages:Burst"] = "4",
            ["RateLimits:Messages:PerPeriod"] = "1",
            ["RateLimits:Messages:Period"] = "00:10:00",
            // Both instances run the missed-call check; a call rings long enough here to be answered by hand.
            ["Calls:RingTimeout"] = "00:00:04",
            ["Calls:MissedCallCheckInterval"] = "00:00:00.200",
        });

    // User ids start again at 1 in every test: their buckets must not outlive the test.
    [SetUp]
    public Task ForgetTheCounts() => Redis.FlushAsync();

    [Test]
    public async Task A_message_sent_through_instance_two_reaches_the_recipient_on_instance_one_and_no_outsider()
    {
        var abebe = Two.User(await Db.AddUserAsync("Abebe"));
        var almaz = await Db.AddUserAsync("Almaz");
        var outsider = await Db.AddUserAsync("Outsider");
        var conversationId = await abebe.OpenDirectIdAsync(almaz);
        await using var almazPhone = await HubListener.ConnectAsync(One.ServerAddress, almaz, MessageCreated);
        await using var outsiderPhone = await HubListener.ConnectAsync(One.ServerAddress, outsider, MessageCreated);

        var sentId = await abebe.SendIdAsync(conversationId, "Selam from the other instance");

        var received = await almazPhone.NextAsync(MessageCreated, TimeSpan.FromSeconds(10));
        Assert.That(received.GetProperty("message").Int("id"), Is.EqualTo(sentId));
        await Task.Delay(HubListener.Quiet);
        Assert.That(outsiderPhone.All(MessageCreated), Is.Empty);
    }

    [Test]
    public async Task Typing_on_instance_two_reaches_the_other_person_on_instance_one()
    {
        var abebe = await Db.AddUserAsync("Abebe");
        var almaz = await Db.AddUserAsync("Almaz");
        var conversationId = await Two.User(abebe).OpenDirectIdAsync(almaz);
        await using var almazPhone = await HubListener.ConnectAsync(One.ServerAddress, almaz, "typing");
        await using var abebePhone = await HubListener.ConnectAsync(Two.ServerAddress, abebe, "typing");

        await abebePhone.TypingAsync(conversationId, true);

        var typing = await almazPhone.NextAsync("typing", TimeSpan.FromSeconds(10));
        Assert.That(typing.Int("user_id"), Is.EqualTo(abebe));
        await abebePhone.TypingAsync(conversationId, false);
    }

    [Test]
    public async Task A_call_started_on_instance_two_rings_on_instance_one_and_its_answer_reaches_the_caller_back_on_two()
    {
        var abebe = Two.User(await Db.AddUserAsync("Abebe"));
        var almaz = One.User(await Db.AddUserAsync("Almaz"));
        var conversationId = await abebe.OpenDirectIdAsync(almaz.Id);
        await using var almazPhone = await HubListener.ConnectAsync(One.ServerAddress, almaz.Id, "call_ringing");
        await using var abebePhone = await HubListener.ConnectAsync(Two.ServerAddress, abebe.Id, "call_updated");

        var callId = await abebe.StartCallIdAsync(conversationId);
        var ringing = await almazPhone.NextAsync("call_ringing", TimeSpan.FromSeconds(10));
        await almaz.CallActionOkAsync(callId, "answer");
        var answered = await abebePhone.NextAsync("call_updated", TimeSpan.FromSeconds(10));

        Assert.That(ringing.GetProperty("call").Int("id"), Is.EqualTo(callId));
        Assert.That(answered.GetProperty("call").Int("id"), Is.EqualTo(callId));
    }

    [Test]
    public async Task A_call_nobody_answers_is_marked_missed_once_with_both_instances_checking_and_both_sides_are_told()
    {
        var abebe = Two.User(await Db.AddUserAsync("Abebe"));
        var almaz = await Db.AddUserAsync("Almaz");
        var conversationId = await abebe.OpenDirectIdAsync(almaz);
        await using var almazPhone = await HubListener.ConnectAsync(One.ServerAddress, almaz, "call_updated");
        await using var abebePhone = await HubListener.ConnectAsync(Two.ServerAddress, abebe.Id, "call_updated");

        var callId = await abebe.StartCallIdAsync(conversationId);
        var toCallee = (await almazPhone.NextAsync("call_updated", TimeSpan.FromSeconds(15))).GetProperty("call");
        var toCaller = (await abebePhone.NextAsync("call_updated", TimeSpan.FromSeconds(5))).GetProperty("call");
        await Task.Delay(TimeSpan.FromSeconds(1)); // several more rounds of both checks

        using (Assert.EnterMultipleScope())
        {
            Assert.That(toCallee.Int("id"), Is.EqualTo(callId));
            Assert.That(toCallee.GetProperty("status").GetString(), Is.EqualTo("missed"));
            Assert.That(toCaller.GetProperty("status").GetString(), Is.EqualTo("missed"));
            Assert.That(almazPhone.All("call_updated"), Has.Count.EqualTo(1), "marked once, told once");
            Assert.That(abebePhone.All("call_updated"), Has.Count.EqualTo(1), "marked once, told once");
            Assert.That(await Db.CallLogRowsAsync(conversationId), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Sends_are_counted_once_for_both_instances()
    {
        var abebe = await Db.AddUserAsync("Abebe");
        var almaz = await Db.AddUserAsync("Almaz");
        var throughOne = One.User(abebe);
        var throughTwo = Two.User(abebe);
        var conversationId = await throughOne.OpenDirectIdAsync(almaz);

        for (var i = 0; i < 2; i++)
        {
            await throughOne.SendOkAsync(conversationId, $"one {i}");
            await throughTwo.SendOkAsync(conversationId, $"two {i}");
        }

        using var fifth = await throughTwo.SendAsync(conversationId, "over the burst of 4, counted across instances");
        await fifth.ProblemAsync((HttpStatusCode)429, "rate_limited");
        Assert.That(fifth.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task With_redis_down_rest_keeps_working_readiness_says_degraded_and_both_recover_when_it_is_back()
    {
        var abebe = Two.User(await Db.AddUserAsync("Abebe"));
        var almaz = await Db.AddUserAsync("Almaz");
        var conversationId = await abebe.OpenDirectIdAsync(almaz);
        using var probe = new HttpClient { BaseAddress = One.ServerAddress };
        using var probeTwo = new HttpClient { BaseAddress = Two.ServerAddress };

        using var load = new CancellationTokenSource();
        var answers = SteadyLoadAsync(One.User(almaz), Two.User(almaz), conversationId, abebe.Id, load.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));

        await Redis.StopAsync();
        try
        {
            await abebe.SendOkAsync(conversationId, "sent while Redis is down");
            Assert.That(await ReadinessAsync(probe, "Degraded"), Is.True, "readiness reports the degradation");
        }
        finally
        {
            await Redis.StartAgainAsync();
        }

        Assert.That(await ReadinessAsync(probe, "Healthy"), Is.True, "readiness recovers by itself");
        Assert.That(await ReadinessAsync(probeTwo, "Healthy"), Is.True, "on both instances");
        await load.CancelAsync();
        var statuses = await answers;
        Assert.That(statuses.Where(code => code >= 500), Is.Empty, "no 5xx from REST while Redis stopped and started");
        Assert.That(statuses, Has.Count.GreaterThan(10));
        await using var almazPhone = await HubListener.ConnectAsync(One.ServerAddress, almaz, MessageCreated);
        var sentId = await abebe.SendIdAsync(conversationId, "and across instances again");

        // The message sent during the outage may come first: its push is retried from the outbox.
        var received = new List<int>();
        while (!received.Contains(sentId))
        {
            received.Add((await almazPhone.NextAsync(MessageCreated, TimeSpan.FromSeconds(10))).GetProperty("message").Int("id"));
        }

        Assert.That(received, Is.Unique);
    }

    // Sends, history and presence reads through both instances, back to back, until cancelled: the status codes.
    private static async Task<List<int>> SteadyLoadAsync(TestUser viaOne, TestUser viaTwo, int conversationId, int other, CancellationToken stop)
    {
        var statuses = new List<int>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var user = i % 2 == 0 ? viaOne : viaTwo;
            using var sent = await user.SendAsync(conversationId, $"steady {i}");
            using var history = await user.Http.GetAsync(new Uri($"/api/chat/messages/{conversationId}", UriKind.Relative), CancellationToken.None);
            using var status = await user.GetStatusesAsync(other.ToString(System.Globalization.CultureInfo.InvariantCulture));
            statuses.AddRange([(int)sent.StatusCode, (int)history.StatusCode, (int)status.StatusCode]);
        }

        return statuses;
    }

    private static async Task<bool> ReadinessAsync(HttpClient probe, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        while (DateTime.UtcNow < deadline)
        {
            using var ready = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (ready.StatusCode == HttpStatusCode.OK && await ready.Content.ReadAsStringAsync() == status)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
