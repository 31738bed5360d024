using Astegni.Chat.TestSupport;

namespace Astegni.Chat.Api.Tests.Faults;

/// <summary>Issue 8: the service killed (SIGKILL) under a steady send load and started again.</summary>
[NonParallelizable]
public sealed class ServiceCrashTests
{
    [Test]
    public async Task No_acknowledged_message_is_missing_and_no_row_is_half_written_after_the_restart()
    {
        var db = await TestDatabase.CreateAsync("chat_service_crash");
        await using var service = ServiceProcesses.Create(db.ConnectionString);
        await service.StartAsync();
        var sends = new SteadySends(await FaultScenario.SendersAsync(db, service, pairs: 3));

        sends.Start();
        await sends.AcknowledgedMoreAsync(60, within: TimeSpan.FromSeconds(30));
        await service.KillAsync();
        await service.StartAsync();
        await sends.AcknowledgedMoreAsync(30, within: TimeSpan.FromSeconds(30));
        await sends.StopAsync();

        var stored = await StoredMessages.CountByClientIdAsync(db);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sends.Answers, Has.Member(SteadySends.NoAnswer), "requests were cut off by the kill");
            Assert.That(sends.Acknowledged.Keys.Where(id => !stored.ContainsKey(id)), Is.Empty, "acknowledged, then lost");
            Assert.That(stored.Where(s => s.Value > 1).Select(s => s.Key), Is.Empty, "a retried message stored twice");
            Assert.That(await StoredMessages.HalfWrittenAsync(db), Is.Zero, "half-written rows");
        }
    }
}
