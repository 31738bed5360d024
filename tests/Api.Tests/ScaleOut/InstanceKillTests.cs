using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Astegni.Chat.Api.Tests.Faults;
using Astegni.Chat.TestSupport;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Astegni.Chat.Api.Tests.ScaleOut;

/// <summary>
/// Issue 9: two instances (their own processes) on one database and one Redis behind HAProxy; the one serving
/// the clients is killed (SIGKILL: no goodbye to Redis or to the hub clients).
/// </summary>
[NonParallelizable]
public sealed class InstanceKillTests
{
    private static readonly TimeSpan PresenceLease = TimeSpan.FromSeconds(3);

    [Test]
    public async Task Clients_reconnect_through_the_proxy_to_the_other_instance_fetch_what_they_missed_and_presence_is_right_within_the_lease()
    {
        var db = await TestDatabase.CreateAsync("chat_instance_kill");
        await using var redis = await PrivateRedis.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Redis:Connection"] = redis.Configuration,
            ["Redis:PresenceLease"] = PresenceLease.ToString("c", CultureInfo.InvariantCulture),
        };
        await using var first = ServiceProcesses.Create(db.ConnectionString, settings);
        await using var second = ServiceProcesses.Create(db.ConnectionString, settings);
        await first.StartAsync(); // one at a time: the first applies the migrations
        await second.StartAsync();
        // Every request goes to the first instance while it is up, to the second once it is not.
        await using var proxy = await PrivateHaProxy.StartAsync(first.Address, second.Address);

        var abebe = await db.AddUserAsync("Abebe");
        var almaz = await db.AddUserAsync("Almaz");
        var kebede = await db.AddUserAsync("Kebede");
        using var abebeApp = Client(proxy.Address, abebe);
        using var almazApp = Client(second.Address, almaz);
        var withAlmaz = await OpenDirectAsync(abebeApp, almaz);
        await OpenDirectAsync(almazApp, kebede);

        // Abebe's page reconnects by itself (as the web page does); Kebede's phone does not come back.
        var abebePage = Hub(proxy.Address, abebe, reconnect: true);
        var abebeReceived = new List<int>();
        abebePage.On<JsonElement>("message_created", e => { lock (abebeReceived) { abebeReceived.Add(e.GetProperty("message").GetProperty("id").GetInt32()); } });
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        abebePage.Reconnected += _ => { reconnected.TrySetResult(); return Task.CompletedTask; };
        await abebePage.StartAsync();
        await using var kebedePhone = Hub(proxy.Address, kebede, reconnect: false);
        await kebedePhone.StartAsync();
        var almazPresence = new List<JsonElement>();
        await using var almazPhone = Hub(second.Address, almaz, reconnect: false);
        almazPhone.On<JsonElement>("presence_changed", e => { lock (almazPresence) { almazPresence.Add(e); } });
        await almazPhone.StartAsync();
        await WaitUntilAsync(async () => await IsOnlineAsync(almazApp, kebede), TimeSpan.FromSeconds(10));

        await first.KillAsync();
        var killedAt = DateTime.UtcNow;
        var missed = await SendAsync(almazApp, withAlmaz, "sent while Abebe's instance was gone");
        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(60));
        // What the page does after a reconnect: fetch the conversation's newest messages.
        var fetched = await MessageIdsAsync(abebeApp, withAlmaz);
        var live = await SendAsync(almazApp, withAlmaz, "and live again");
        await WaitUntilAsync(() => Task.FromResult(Received(abebeReceived, live)), TimeSpan.FromSeconds(10));
        await WaitUntilAsync(() => Task.FromResult(ToldOffline(almazPresence, kebede).Count > 0), PresenceLease * 4);
        var kebedeOfflineAfter = DateTime.UtcNow - killedAt;
        await Task.Delay(PresenceLease);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fetched, Has.Member(missed), "the message sent meanwhile is fetched");
            Assert.That(Received(abebeReceived, live), Is.True, "the reconnected page receives live again");
            Assert.That(await IsOnlineAsync(almazApp, abebe), Is.True, "Abebe, reconnected on the other instance, is online");
            Assert.That(await IsOnlineAsync(almazApp, kebede), Is.False, "Kebede's connection died with its instance");
            Assert.That(kebedeOfflineAfter, Is.LessThan(PresenceLease * 3), "announced within the lease and a renewal round");
            Assert.That(ToldOffline(almazPresence, kebede), Has.Count.EqualTo(1), "Almaz is told once that Kebede went offline");
        }

        await abebePage.DisposeAsync();
    }

    private static HttpClient Client(Uri address, int userId)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", ChatApiFactory.TokenFor(userId));
        return client;
    }

    private static HubConnection Hub(Uri address, int userId, bool reconnect)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(address, "/hubs/chat"), options =>
        {
            options.AccessTokenProvider = () => Task.FromResult<string?>(ChatApiFactory.TokenFor(userId));
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
        });
        if (reconnect)
        {
            builder.WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)]);
        }

        return builder.Build();
    }

    private static async Task<int> OpenDirectAsync(HttpClient client, int otherUserId)
    {
        using var response = await client.PostAsJsonAsync(
            "/api/chat/conversations", new JsonObject { ["type"] = "direct", ["participant_user_ids"] = new JsonArray(otherUserId) });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["conversation"]!["id"]!.GetValue<int>();
    }

    private static async Task<int> SendAsync(HttpClient client, int conversationId, string content)
    {
        using var response = await client.PostAsJsonAsync(
            "/api/chat/messages", new JsonObject { ["conversation_id"] = conversationId, ["message_type"] = "text", ["content"] = content });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["message"]!["id"]!.GetValue<int>();
    }

    private static async Task<List<int>> MessageIdsAsync(HttpClient client, int conversationId)
    {
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/chat/messages/{conversationId}");
        return page!["messages"]!.AsArray().Select(m => m!["id"]!.GetValue<int>()).ToList();
    }

    private static async Task<bool> IsOnlineAsync(HttpClient viewer, int userId)
    {
        var body = await viewer.GetFromJsonAsync<JsonObject>($"/api/chat/users/status?user_ids={userId}");
        return body!["statuses"]![0]!["is_online"]?.GetValue<bool>() == true;
    }

    private static List<JsonElement> ToldOffline(List<JsonElement> presence, int userId)
    {
        lock (presence)
        {
            return presence.Where(e => e.GetProperty("user_id").GetInt32() == userId && e.TryGetProperty("is_online", out var online) && !online.GetBoolean()).ToList();
        }
    }

    private static bool Received(List<int> received, int messageId)
    {
        lock (received)
        {
            return received.Contains(messageId);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return;
            }

            await Task.Delay(100);
        }
    }
}
