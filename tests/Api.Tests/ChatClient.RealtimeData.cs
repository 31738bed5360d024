using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Astegni.Chat.Application.Conversations.SignalTyping;
using Astegni.Chat.Application.Presence;
using Astegni.Chat.TestSupport;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Api.Tests.RealtimeData;

/// <summary>REST calls and set-up the typing, presence and your-data tests share.</summary>
internal static class RealtimeDataClient
{
    public static Task<HttpResponseMessage> GetStatusesAsync(this TestUser user, string userIds) =>
        user.Http.GetAsync(new Uri($"/api/chat/users/status?user_ids={Uri.EscapeDataString(userIds)}", UriKind.Relative));

    /// <summary>The statuses the user may see, by user id.</summary>
    public static async Task<Dictionary<int, JsonObject>> StatusesAsync(this TestUser user, params int[] userIds)
    {
        var body = await (await user.GetStatusesAsync(string.Join(',', userIds))).JsonAsync(System.Net.HttpStatusCode.OK);
        return body["statuses"]!.AsArray().Select(s => s!.AsObject()).ToDictionary(s => s["user_id"]!.GetValue<int>());
    }

    public static Task<HttpResponseMessage> ExportMyDataAsync(this TestUser user) =>
        user.Http.GetAsync(new Uri("/api/chat/data/export", UriKind.Relative));

    public static Task<HttpResponseMessage> DeleteMyDataAsync(this TestUser user, string? confirm = "true") =>
        user.Http.DeleteAsync(new Uri(confirm is null ? "/api/chat/data" : $"/api/chat/data?confirm={confirm}", UriKind.Relative));

    public static async Task<JsonArray> HistoryAsync(this TestUser user, int conversationId) =>
        (await user.GetJsonAsync($"/api/chat/messages/{conversationId}"))["messages"]!.AsArray();

    public static Task InsertReactionAsync(this TestDatabase db, int messageId, int userId, string reaction) =>
        db.ExecuteAsync(
            "INSERT INTO message_reactions (message_id, user_id, reaction, created_at) VALUES ($1, $2, $3, now())",
            messageId, userId, reaction);

    /// <summary>
    /// A group straight in the database (creating groups is another use case's business): the first
    /// member is its admin; members joined a minute apart, in the order given.
    /// </summary>
    public static async Task<int> InsertGroupAsync(this TestDatabase db, string name, params int[] memberIds)
    {
        var id = await db.ScalarAsync<int>(
            "INSERT INTO conversations (type, name, created_by_user_id, created_at, updated_at) VALUES ('group', $1, $2, now(), now()) RETURNING id",
            name, memberIds[0]);
        for (var i = 0; i < memberIds.Length; i++)
        {
            await db.ExecuteAsync(
                """
                INSERT INTO conversation_participants
                    (conversation_id, user_id, role, is_active, joined_at, is_muted, is_archived, is_pinned, created_at, updated_at)
                VALUES ($1, $2, $3, true, now() - make_interval(mins => $4), false, false, false, now(), now())
                """,
                id, memberIds[i], i == 0 ? "admin" : "member", memberIds.Length - i);
        }

        return id;
    }

    /// <summary>
    /// Waits until this instance has counted <paramref name="connections"/> open hub connections: a client's
    /// handshake completes before the server counts its connection.
    /// </summary>
    public static async Task WaitUntilCountedAsync(this WebApplicationFactory<Program> factory, int connections)
    {
        var presence = factory.Services.GetRequiredService<InMemoryPresenceStore>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (presence.OpenConnectionCount < connections)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"{connections} hub connections were not counted");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Waits until the service has processed every hub disconnection (nobody online, no typing indicator
    /// left) so one test's connections cannot leak into the next test's users, whose ids are reused.
    /// </summary>
    public static async Task WaitUntilQuietAsync(this WebApplicationFactory<Program> factory)
    {
        var presence = factory.Services.GetRequiredService<InMemoryPresenceStore>();
        var typing = factory.Services.GetRequiredService<TypingTracker>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((presence.OpenConnectionCount > 0 || typing.ShownCount > 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // The count drops before the last-seen row is written: give that write time to finish.
        await Task.Delay(200);
    }
}

/// <summary>A real SignalR client over WebSockets that records the events it was asked to listen to.</summary>
internal sealed class HubListener : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait before concluding that an event was not sent.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    private readonly HubConnection _connection;
    private readonly List<(string Name, JsonElement Payload)> _history = [];
    private readonly List<(string Name, JsonElement Payload)> _unread = [];
    private readonly Lock _gate = new();

    private HubListener(HubConnection connection) => _connection = connection;

    public static Task<HubListener> ConnectAsync(int userId, params string[] events) =>
        ConnectAsync(ApiSetup.Factory.ServerAddress, userId, events);

    public static async Task<HubListener> ConnectAsync(Uri server, int userId, params string[] events)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/chat"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(ChatApiFactory.TokenFor(userId));
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        var listener = new HubListener(connection);
        foreach (var name in events)
        {
            connection.On<JsonElement>(name, payload => listener.Record(name, payload));
        }

        await connection.StartAsync();
        return listener;
    }

    public Task TypingAsync(int conversationId, bool isTyping) => _connection.InvokeAsync("Typing", conversationId, isTyping);

    public Task InvokeRawAsync(string method, params object?[] arguments) => _connection.InvokeCoreAsync(method, arguments);

    /// <summary>The next not yet read event of this name (about this user, when given).</summary>
    public async Task<JsonElement> NextAsync(string name, TimeSpan? timeout = null, int? aboutUserId = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (true)
        {
            lock (_gate)
            {
                var index = _unread.FindIndex(e => e.Name == name && (aboutUserId is null || e.Payload.Int("user_id") == aboutUserId));
                if (index >= 0)
                {
                    var found = _unread[index].Payload;
                    _unread.RemoveAt(index);
                    return found;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No '{name}' event arrived.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Every event of this name received so far, read or not.</summary>
    public IReadOnlyList<JsonElement> All(string name)
    {
        lock (_gate)
        {
            return _history.Where(e => e.Name == name).Select(e => e.Payload).ToList();
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    public HubConnectionState State => _connection.State;

    /// <summary>Waits until the server has closed this connection.</summary>
    public async Task ClosedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_connection.State != HubConnectionState.Disconnected)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the server did not close the connection");
            await Task.Delay(50);
        }
    }

    private void Record(string name, JsonElement payload)
    {
        lock (_gate)
        {
            _history.Add((name, payload));
            _unread.Add((name, payload));
        }
    }
}

internal static class JsonElementExtensions
{
    public static bool Has(this JsonElement element, string property) => element.TryGetProperty(property, out _);

    public static int Int(this JsonElement element, string property) => element.GetProperty(property).GetInt32();

    public static DateTimeOffset Time(this JsonNode node) =>
        DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);
}
