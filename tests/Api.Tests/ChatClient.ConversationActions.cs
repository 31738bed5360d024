using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Astegni.Chat.TestSupport;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Astegni.Chat.Api.Tests;

/// <summary>REST calls for per-caller conversation actions, read receipts, search and contacts.</summary>
internal static class ConversationActionsClient
{
    public static Task<HttpResponseMessage> MuteAsync(this TestUser user, int conversationId, bool muted, DateTimeOffset? until = null) =>
        user.Http.PutAsJsonAsync($"/api/chat/conversations/{conversationId}/mute", new JsonObject
        {
            ["muted"] = muted,
            ["until"] = until?.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        });

    public static Task<HttpResponseMessage> ArchiveAsync(this TestUser user, int conversationId, bool archived) =>
        user.Http.PutAsJsonAsync($"/api/chat/conversations/{conversationId}/archive", new JsonObject { ["archived"] = archived });

    public static Task<HttpResponseMessage> PinAsync(this TestUser user, int conversationId, bool pinned) =>
        user.Http.PutAsJsonAsync($"/api/chat/conversations/{conversationId}/pin", new JsonObject { ["pinned"] = pinned });

    public static Task<HttpResponseMessage> ClearHistoryAsync(this TestUser user, int conversationId) =>
        user.Http.DeleteAsync(new Uri($"/api/chat/conversations/{conversationId}/history", UriKind.Relative));

    public static Task<HttpResponseMessage> DeleteConversationAsync(this TestUser user, int conversationId) =>
        user.Http.DeleteAsync(new Uri($"/api/chat/conversations/{conversationId}", UriKind.Relative));

    public static Task<HttpResponseMessage> MarkReadAsync(this TestUser user, int conversationId, int messageId) =>
        user.Http.PostAsJsonAsync($"/api/chat/conversations/{conversationId}/read", new JsonObject { ["message_id"] = messageId });

    /// <summary>Asserts 204 No Content.</summary>
    public static async Task NoContentAsync(this Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    /// <summary>My conversation list (query string without the leading '?').</summary>
    public static async Task<JsonArray> ConversationsAsync(this TestUser user, string query = "") =>
        (await user.GetJsonAsync($"/api/chat/conversations?{query}"))["conversations"]!.AsArray();

    public static async Task<JsonNode?> ConversationInListAsync(this TestUser user, int conversationId, string query = "") =>
        (await user.ConversationsAsync(query)).FirstOrDefault(c => c!["id"]!.GetValue<int>() == conversationId);

    public static async Task<int[]> HistoryIdsAsync(this TestUser user, int conversationId) =>
        (await user.GetJsonAsync($"/api/chat/messages/{conversationId}?limit=100"))["messages"]!.AsArray()
        .Select(m => m!["id"]!.GetValue<int>()).ToArray();

    public static int[] Ids(this JsonNode? array, string field = "id") =>
        array!.AsArray().Select(item => item![field]!.GetValue<int>()).ToArray();
}

/// <summary>Rows the API of this branch cannot make yet (groups, deletions for me), written straight to the tables.</summary>
internal static class ChatRows
{
    /// <summary>A group whose members all joined now; returns its id.</summary>
    public static async Task<int> GroupAsync(this TestDatabase db, string name, params int[] memberIds)
    {
        var id = await db.ScalarAsync<int>(
            "INSERT INTO conversations (type, name, created_by_user_id, created_at, updated_at) VALUES ('group', $1, $2, now(), now()) RETURNING id",
            name, memberIds[0]);
        foreach (var member in memberIds)
        {
            await db.JoinAsync(id, member);
        }

        return id;
    }

    /// <summary>Adds a member to a group as of now: they see messages from this moment on.</summary>
    public static Task JoinAsync(this TestDatabase db, int conversationId, int userId) =>
        db.ExecuteAsync(
            """
            INSERT INTO conversation_participants
                (conversation_id, user_id, role, is_active, joined_at, is_muted, is_archived, is_pinned, created_at, updated_at)
            VALUES ($1, $2, 'member', true, clock_timestamp(), false, false, false, clock_timestamp(), clock_timestamp())
            """,
            conversationId, userId);

    public static Task DeleteForMeAsync(this TestDatabase db, int messageId, int userId) =>
        db.ExecuteAsync("INSERT INTO chat_message_deletions (message_id, user_id, deleted_at) VALUES ($1, $2, now())", messageId, userId);

    public static Task DeleteForEveryoneAsync(this TestDatabase db, int messageId) =>
        db.ExecuteAsync(
            "UPDATE chat_messages SET is_deleted = true, deleted_for_everyone = true, deleted_at = now(), content = NULL WHERE id = $1", messageId);
}

/// <summary>A real SignalR client of one user, recording the named hub events it receives.</summary>
internal sealed class ReadEventListener : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private ReadEventListener(HubConnection connection) => _connection = connection;

    public BlockingCollection<JsonElement> Received { get; } = [];

    public static async Task<ReadEventListener> StartAsync(Uri server, int userId, string eventName)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/chat"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(ChatApiFactory.TokenFor(userId));
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        var listener = new ReadEventListener(connection);
        connection.On<JsonElement>(eventName, listener.Received.Add);
        await connection.StartAsync();
        return listener;
    }

    public Task<JsonElement> NextAsync(TimeSpan timeout) => Task.Run(() =>
        Received.TryTake(out var item, timeout) ? item : throw new TimeoutException("No hub event arrived."));

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        Received.Dispose();
    }
}
