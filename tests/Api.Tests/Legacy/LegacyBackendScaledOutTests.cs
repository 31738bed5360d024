using Astegni.Chat.Api.Tests.RealtimeData;
using Astegni.Chat.TestSupport;

namespace Astegni.Chat.Api.Tests.Legacy;

/// <summary>
/// Issue 11 with issue 9: two instances on one Redis beside the old backend. Both listen for its writes; each write is
/// relayed by one of them and reaches everyone's devices once, whichever instance they are connected to.
/// </summary>
[NonParallelizable]
public sealed class LegacyBackendScaledOutTests
{
    [Test]
    public async Task EachWriteOfTheOldBackend_ReachesDevicesOnBothInstances_Once()
    {
        var db = await LegacyBackendLiveTests.UpgradedLegacyDatabaseAsync("legacy_live_scaled");
        var old = new LegacyBackend(db);
        await using var redis = await PrivateRedis.StartAsync();
        await using var one = new LegacyHost(db, redis.Configuration);
        await using var two = new LegacyHost(db, redis.Configuration);
        await using var abebeLaptop = await HubListener.ConnectAsync(one.ServerAddress, 1, "message_created");
        await using var almazPhone = await HubListener.ConnectAsync(two.ServerAddress, 2, "message_created");

        var sent = new List<int>();
        for (var i = 1; i <= 5; i++)
        {
            sent.Add(await old.SendAsync(10, 1, "tutor", $"Lesson note {i}"));
        }

        foreach (var _ in sent)
        {
            await almazPhone.NextAsync("message_created");
            await abebeLaptop.NextAsync("message_created");
        }

        await Task.Delay(HubListener.Quiet);
        int[] Ids(HubListener device) => [.. device.All("message_created").Select(e => e.GetProperty("message").GetProperty("id").GetInt32()).Order()];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(almazPhone), Is.EqualTo(sent));
            Assert.That(Ids(abebeLaptop), Is.EqualTo(sent), "the sender's own devices hear of what he wrote in the old app");
        }
    }
}
