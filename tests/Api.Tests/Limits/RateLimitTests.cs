using System.Globalization;
using System.Net;
using Astegni.Chat.Api.Tests.Calls;
using Astegni.Chat.Api.Tests.RealtimeData;
using Astegni.Chat.TestSupport.Media;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Astegni.Chat.Api.Tests.Limits;

/// <summary>Per-user limits: a script bursting over one gets 429 with when to retry; people never meet them.</summary>
public sealed class RateLimitTests : ApiTest
{
    private static readonly Dictionary<string, string> SmallLimits = new()
    {
        ["RateLimits:Enabled"] = "true",
        ["RateLimits:Messages:Burst"] = "3",
        ["RateLimits:Messages:PerPeriod"] = "1",
        ["RateLimits:Messages:Period"] = "00:10:00",
        ["RateLimits:Conversations:Burst"] = "2",
        ["RateLimits:Conversations:PerPeriod"] = "1",
        ["RateLimits:Conversations:Period"] = "01:00:00",
        ["RateLimits:Uploads:Burst"] = "2",
        ["RateLimits:Uploads:PerPeriod"] = "1",
        ["RateLimits:Uploads:Period"] = "01:00:00",
        ["RateLimits:HubFrames:Burst"] = "5",
        ["RateLimits:HubFrames:PerPeriod"] = "1",
        ["RateLimits:HubFrames:Period"] = "00:10:00",
        ["RateLimits:HubConnectionsPerUser"] = "2",
    };

    [Test]
    public async Task SendsOverTheBurst_Are429WithRetryAfterAndTheLimit_AndOtherPeopleAreUnaffected()
    {
        await using var service = new ConfiguredChatApiFactory(SmallLimits);
        var (me, friend, conversationId) = await ChatAsync(service);

        for (var i = 0; i < 3; i++)
        {
            await me.SendOkAsync(conversationId, $"message {i}");
        }

        var refused = await me.SendAsync(conversationId, "one too many");
        var problem = await refused.ProblemAsync((HttpStatusCode)429, "rate_limited");
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(retryAfter, Is.InRange(1, 600));
            Assert.That(problem["limit"]!["name"]!.GetValue<string>(), Is.EqualTo("messages"));
            Assert.That(problem["limit"]!["burst"]!.GetValue<int>(), Is.EqualTo(3));
        });
        await friend.SendOkAsync(conversationId, "I can still write");
        var stored = await Db.ScalarAsync<long>("SELECT count(*) FROM chat_messages WHERE content = 'one too many'");
        Assert.That(stored, Is.Zero, "a refused send stores nothing");
    }

    [Test]
    public async Task NewConversationsOverTheBurst_Are429()
    {
        await using var service = new ConfiguredChatApiFactory(SmallLimits);
        var me = service.User(await Db.AddUserAsync("Me"));
        var others = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            others.Add(await Db.AddUserAsync($"Other{i}"));
        }

        await me.OpenDirectIdAsync(others[0]);
        await me.OpenDirectIdAsync(others[1]);
        var refused = await me.OpenDirectAsync(others[2]);

        var problem = await refused.ProblemAsync((HttpStatusCode)429, "rate_limited");
        Assert.That(problem["limit"]!["name"]!.GetValue<string>(), Is.EqualTo("conversations"));
    }

    [Test]
    public async Task UploadsOverTheCount_Are429()
    {
        await using var service = new ConfiguredChatApiFactory(SmallLimits);
        var me = service.User(await Db.AddUserAsync("Me"));

        await me.UploadOkAsync(SampleMedia.Png(), "a.png", "image/png");
        await me.UploadOkAsync(SampleMedia.Png(), "b.png", "image/png");
        var refused = await me.UploadAsync(SampleMedia.Png(), "c.png", "image/png");

        var problem = await refused.ProblemAsync((HttpStatusCode)429, "rate_limited");
        Assert.That(problem["limit"]!["name"]!.GetValue<string>(), Is.EqualTo("uploads"));
    }

    [Test]
    public async Task AnUploadOverTheStorageQuota_Is429StorageQuotaExceeded()
    {
        var settings = new Dictionary<string, string>(SmallLimits) { ["RateLimits:StorageQuotaMegabytes"] = "0" };
        await using var service = new ConfiguredChatApiFactory(settings);
        var me = service.User(await Db.AddUserAsync("Me"));

        var refused = await me.UploadAsync(SampleMedia.Png(), "a.png", "image/png");

        await refused.ProblemAsync((HttpStatusCode)429, "storage_quota_exceeded");
        Assert.That(refused.Headers.Contains("Retry-After"), Is.True);
    }

    [Test]
    public async Task TypingFramesOverTheLimit_AreRefused_WithoutClosingTheConnection()
    {
        await using var service = new ConfiguredChatApiFactory(SmallLimits);
        var (me, _, conversationId) = await ChatAsync(service);
        await using var hub = await HubListener.ConnectAsync(service.ServerAddress, me.Id);

        for (var i = 0; i < 5; i++)
        {
            await hub.TypingAsync(conversationId, isTyping: true);
        }

        var refused = Assert.ThrowsAsync<HubException>(() => hub.TypingAsync(conversationId, isTyping: true));
        Assert.That(refused!.Message, Does.Contain("rate_limited"));
        await me.SendOkAsync(conversationId, "still connected");
        Assert.That(hub.State, Is.EqualTo(HubConnectionState.Connected));
    }

    [Test]
    public async Task HubConnectionsOverTheCap_AreClosed_AndAClosedOneFreesItsPlace()
    {
        await using var service = new ConfiguredChatApiFactory(SmallLimits);
        var me = service.User(await Db.AddUserAsync("Me"));
        await using var first = await HubListener.ConnectAsync(service.ServerAddress, me.Id);
        var second = await HubListener.ConnectAsync(service.ServerAddress, me.Id);

        await using (var third = await HubListener.ConnectAsync(service.ServerAddress, me.Id))
        {
            await third.ClosedAsync(TimeSpan.FromSeconds(10));
        }

        Assert.That(first.State, Is.EqualTo(HubConnectionState.Connected));
        await second.DisposeAsync();
        await Task.Delay(HubListener.Quiet);
        await using var fourth = await HubListener.ConnectAsync(service.ServerAddress, me.Id);
        await Task.Delay(HubListener.Quiet);
        Assert.That(fourth.State, Is.EqualTo(HubConnectionState.Connected));
    }

    [Test]
    public async Task APersonsPace_IsNeverLimitedByTheDefaults()
    {
        await using var service = new ConfiguredChatApiFactory(new Dictionary<string, string> { ["RateLimits:Enabled"] = "true" });
        var (me, _, conversationId) = await ChatAsync(service);

        // A lively chat: 25 messages in a row, typing between them, a photo and a second chat.
        await using var hub = await HubListener.ConnectAsync(service.ServerAddress, me.Id);
        for (var i = 0; i < 25; i++)
        {
            await hub.TypingAsync(conversationId, isTyping: true);
            await me.SendOkAsync(conversationId, $"message {i}");
        }

        await me.UploadOkAsync(SampleMedia.Png(), "photo.png", "image/png");
        await me.OpenDirectIdAsync(await Db.AddUserAsync("Another"));
    }

    private static async Task<(TestUser Me, TestUser Friend, int ConversationId)> ChatAsync(ConfiguredChatApiFactory service)
    {
        var me = service.User(await Db.AddUserAsync("Me"));
        var friend = service.User(await Db.AddUserAsync("Friend"));
        return (me, friend, await me.OpenDirectIdAsync(friend.Id));
    }
}
