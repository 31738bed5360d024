using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Astegni.Chat.Api.Tests.RealtimeData;
using Microsoft.AspNetCore.SignalR.Client;

namespace Astegni.Chat.Api.Tests.ScaleOut;

/// <summary>
/// Issue 9: presence, the per-user connection cap and typing indicators are one state for two instances on one
/// Redis: both answer alike, whichever instance holds the connections.
/// </summary>
[NonParallelizable]
public sealed class SharedPresenceTests : TwoInstanceTest
{
    private const string PresenceChanged = "presence_changed";

    protected override Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:HubConnectionsPerUser"] = "2",
            // Far longer than the test waits for the end of an indicator: only a "stopped" can end it in time.
            ["Chat:TypingTimeout"] = "00:00:30",
        });

    // User ids start again at 1 in every test: nobody may still count as connected from the last one.
    [SetUp]
    public async Task ForgetEveryone()
    {
        await One.WaitUntilQuietAsync();
        await Two.WaitUntilQuietAsync();
        await Redis.FlushAsync();
    }

    [Test]
    public async Task Both_instances_say_online_while_the_user_is_connected_to_one_and_offline_once_they_leave()
    {
        var abebe = await Db.AddUserAsync("Abebe");
        var almaz = await Db.AddUserAsync("Almaz");
        await One.User(abebe).OpenDirectIdAsync(almaz);

        await using var almazPhone = await HubListener.ConnectAsync(Two.ServerAddress, almaz, PresenceChanged);
        var abebePhone = await HubListener.ConnectAsync(One.ServerAddress, abebe);
        await almazPhone.NextAsync(PresenceChanged, TimeSpan.FromSeconds(15), aboutUserId: abebe); // counted (the handshake completes before)
        var whileOnline = await OnlineOnBothAsync(almaz, abebe);
        await abebePhone.DisposeAsync();
        await One.WaitUntilQuietAsync();
        var afterwards = await OnlineOnBothAsync(almaz, abebe);

        Assert.That(whileOnline, Is.EqualTo((true, true)));
        Assert.That(afterwards, Is.EqualTo((false, false)));
    }

    [Test]
    public async Task A_user_on_both_instances_goes_offline_once_when_the_last_connection_anywhere_closes()
    {
        var abebe = await Db.AddUserAsync("Abebe");
        var almaz = await Db.AddUserAsync("Almaz");
        await One.User(abebe).OpenDirectIdAsync(almaz);
        await using var almazPhone = await HubListener.ConnectAsync(One.ServerAddress, almaz, PresenceChanged);
        var onOne = await HubListener.ConnectAsync(One.ServerAddress, abebe);
        var onTwo = await HubListener.ConnectAsync(Two.ServerAddress, abebe);
        await One.WaitUntilCountedAsync(2); // Almaz and Abebe
        await Two.WaitUntilCountedAsync(1);
        var cameOnline = await almazPhone.NextAsync(PresenceChanged, TimeSpan.FromSeconds(15), aboutUserId: abebe);

        await onOne.DisposeAsync();
        await One.WaitUntilQuietAsync();
        var afterTheFirst = await OnlineOnBothAsync(almaz, abebe);
        await Task.Delay(HubListener.Quiet);
        var announcedEarly = almazPhone.All(PresenceChanged).Count;
        await onTwo.DisposeAsync();
        var wentOffline = await almazPhone.NextAsync(PresenceChanged, TimeSpan.FromSeconds(15), aboutUserId: abebe);
        await Task.Delay(HubListener.Quiet);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cameOnline.GetProperty("is_online").GetBoolean(), Is.True);
            Assert.That(afterTheFirst, Is.EqualTo((true, true)), "still connected to instance two");
            Assert.That(announcedEarly, Is.EqualTo(1), "only the first connection was news");
            Assert.That(wentOffline.GetProperty("is_online").GetBoolean(), Is.False);
            Assert.That(wentOffline.Has("last_seen"), Is.True);
            Assert.That(almazPhone.All(PresenceChanged), Has.Count.EqualTo(2), "offline announced once");
        }
    }

    [Test]
    public async Task The_connection_cap_counts_a_users_connections_on_every_instance()
    {
        var me = await Db.AddUserAsync("Me");
        await using var onOne = await HubListener.ConnectAsync(One.ServerAddress, me);
        var onTwo = await HubListener.ConnectAsync(Two.ServerAddress, me);
        await One.WaitUntilCountedAsync(1);
        await Two.WaitUntilCountedAsync(1);

        await using (var third = await HubListener.ConnectAsync(One.ServerAddress, me))
        {
            await third.ClosedAsync(TimeSpan.FromSeconds(30));
        }

        await onTwo.DisposeAsync();
        await Two.WaitUntilQuietAsync();
        await using var again = await HubListener.ConnectAsync(One.ServerAddress, me);
        await Task.Delay(HubListener.Quiet);
        Assert.That(onOne.State, Is.EqualTo(HubConnectionState.Connected));
        Assert.That(again.State, Is.EqualTo(HubConnectionState.Connected), "a closed connection frees its place on any instance");
    }

    [Test]
    public async Task Typing_shown_through_one_instance_is_listed_by_the_other_and_stopped_through_it()
    {
        var abebe = Two.User(await Db.AddUserAsync("Abebe"));
        var almaz = One.User(await Db.AddUserAsync("Almaz"));
        var conversationId = await abebe.OpenDirectIdAsync(almaz.Id);
        await using var almazPhone = await HubListener.ConnectAsync(One.ServerAddress, almaz.Id, "typing");
        await using var abebeLaptop = await HubListener.ConnectAsync(Two.ServerAddress, abebe.Id, "typing");

        await abebeLaptop.TypingAsync(conversationId, true);
        var shown = await almazPhone.NextAsync("typing", TimeSpan.FromSeconds(10));
        var listedByOne = await almaz.GetJsonAsync($"/api/chat/conversations/{conversationId}/typing");
        // Abebe's other device, an old client, stops through instance one: the indicator instance two showed ends.
        var stopper = One.User(abebe.Id);
        using var stopped = await stopper.Http.PostAsJsonAsync(
            $"/api/chat/conversations/{conversationId}/typing", new JsonObject { ["is_typing"] = false });
        var hidden = await almazPhone.NextAsync("typing", TimeSpan.FromSeconds(5));
        var listedAfter = await almaz.GetJsonAsync($"/api/chat/conversations/{conversationId}/typing");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(shown.GetProperty("is_typing").GetBoolean(), Is.True);
            Assert.That(listedByOne["typing_users"]![0]!["user_id"]!.GetValue<int>(), Is.EqualTo(abebe.Id));
            Assert.That(hidden.GetProperty("is_typing").GetBoolean(), Is.False, "ended at once, not at instance two's timeout");
            Assert.That(listedAfter["is_someone_typing"]!.GetValue<bool>(), Is.False);
        }
    }

    private async Task<(bool One, bool Two)> OnlineOnBothAsync(int viewer, int user)
    {
        var one = (await One.User(viewer).StatusesAsync(user))[user]["is_online"]!.GetValue<bool>();
        var two = (await Two.User(viewer).StatusesAsync(user))[user]["is_online"]!.GetValue<bool>();
        return (one, two);
    }
}
