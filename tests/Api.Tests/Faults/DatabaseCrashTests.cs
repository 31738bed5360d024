using System.Net;
using Astegni.Chat.Api.Tests.RealtimeData;
using Astegni.Chat.TestSupport;

namespace Astegni.Chat.Api.Tests.Faults;

/// <summary>
/// Issue 8: PostgreSQL stopped hard (<c>pg_ctl -m immediate</c>) under a steady send load and started again.
/// Senders retry as the page does (same client_message_id) until acknowledged.
/// </summary>
[NonParallelizable]
public sealed class DatabaseCrashTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);

    [Test]
    public async Task Every_acknowledged_message_survives_clients_get_only_503_and_sends_succeed_soon_after_the_database_is_back()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        var db = await TestDatabase.CreateAsync("chat_database_crash", postgres.ServerConnectionString);
        await using var service = ServiceProcesses.Create(db.ConnectionString);
        await service.StartAsync();
        var sends = new SteadySends(await FaultScenario.SendersAsync(db, service, pairs: 3));

        sends.Start();
        await sends.AcknowledgedMoreAsync(30, within: TimeSpan.FromSeconds(30));
        await postgres.StopImmediatelyAsync();
        await Task.Delay(Outage);
        await postgres.StartAgainAsync();
        var back = DateTime.UtcNow;
        await sends.AcknowledgedMoreAsync(30, within: TimeSpan.FromSeconds(30));
        await sends.StopAsync();

        var stored = await StoredMessages.CountByClientIdAsync(db);
        var firstAfterRestart = sends.AcknowledgedAt.Where(at => at >= back).Min();
        var answers = sends.Answers.ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sends.Acknowledged.Keys.Where(id => !stored.ContainsKey(id)), Is.Empty, "acknowledged, then lost");
            Assert.That(stored.Where(s => s.Value > 1).Select(s => s.Key), Is.Empty, "stored twice");
            Assert.That(answers, Has.Member(HttpStatusCode.ServiceUnavailable), "the outage was met");
            Assert.That(answers.Distinct(), Is.SubsetOf(new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }),
                "only successes and 503 meanwhile, never a 500 or a dropped connection");
            Assert.That(firstAfterRestart - back, Is.LessThan(TimeSpan.FromSeconds(5)), "sends succeed again soon after the database is back");
            Assert.That(service.IsRunning, Is.True, "the service never exits");
        }
    }

    [Test]
    public async Task Someone_who_connects_while_the_database_is_down_is_announced_online_once_it_is_back()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        var db = await TestDatabase.CreateAsync("chat_database_crash_presence", postgres.ServerConnectionString);
        await using var service = ServiceProcesses.Create(db.ConnectionString);
        await service.StartAsync();
        var abebe = await db.AddUserAsync("Abebe");
        var almaz = await db.AddUserAsync("Almaz");
        await new TestUser(abebe, service.ClientFor(abebe)).OpenDirectIdAsync(almaz);
        await using var almazPhone = await HubListener.ConnectAsync(service.Address, almaz, "presence_changed");

        await postgres.StopImmediatelyAsync();
        await using var abebePhone = await HubListener.ConnectAsync(service.Address, abebe);
        await Task.Delay(Outage);
        await postgres.StartAgainAsync();

        var online = await almazPhone.NextAsync("presence_changed", TimeSpan.FromSeconds(30), aboutUserId: abebe);
        Assert.That(online.GetProperty("is_online").GetBoolean(), Is.True);
    }
}
