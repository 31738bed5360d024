using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Astegni.Chat.Api.Tests.RealtimeData;
using Astegni.Chat.TestSupport;

namespace Astegni.Chat.Api.Tests;

/// <summary>The call requests the tests make, as the Astegni frontend makes them.</summary>
internal static class CallChatClient
{
    public const string Ringing = "call_ringing";
    public const string Updated = "call_updated";
    public const string Signal = "call_signal";

    public static Task<HttpResponseMessage> StartCallAsync(this TestUser user, int conversationId, string? callType = "voice") =>
        user.Http.PostAsJsonAsync("/api/chat/calls", new JsonObject { ["conversation_id"] = conversationId, ["call_type"] = callType });

    /// <summary>Places the call (asserting 201) and returns it.</summary>
    public static async Task<JsonNode> StartCallOkAsync(this TestUser user, int conversationId, string callType = "voice") =>
        (await (await user.StartCallAsync(conversationId, callType)).JsonAsync(HttpStatusCode.Created))["call"]!;

    public static async Task<int> StartCallIdAsync(this TestUser user, int conversationId, string callType = "voice") =>
        (await user.StartCallOkAsync(conversationId, callType))["id"]!.GetValue<int>();

    public static Task<HttpResponseMessage> CallActionAsync(this TestUser user, int callId, string? action) =>
        user.Http.PutAsJsonAsync($"/api/chat/calls/{callId}", new JsonObject { ["action"] = action });

    /// <summary>Acts on the call (asserting 200) and returns it.</summary>
    public static async Task<JsonNode> CallActionOkAsync(this TestUser user, int callId, string action) =>
        (await (await user.CallActionAsync(callId, action)).JsonAsync(HttpStatusCode.OK))["call"]!;

    public static Task<HttpResponseMessage> ListCallsAsync(this TestUser user, string query = "") =>
        user.Http.GetAsync(new Uri("/api/chat/calls" + query, UriKind.Relative));

    public static async Task<JsonNode> ListCallsOkAsync(this TestUser user, string query = "") =>
        await (await user.ListCallsAsync(query)).JsonAsync(HttpStatusCode.OK);

    /// <summary>The ids of the calls in my history (or the query's page), in the order listed.</summary>
    public static async Task<int[]> CallIdsAsync(this TestUser user, string query = "") =>
        (await user.ListCallsOkAsync(query))["calls"]!.AsArray().Select(c => c!["id"]!.GetValue<int>()).ToArray();

    public static Task SendCallSignalAsync(this HubListener listener, int callId, string kind, object? payload) =>
        listener.InvokeRawAsync("SendCallSignal", callId, kind, payload);

    public static Task<long> CallLogRowsAsync(this TestDatabase db, int conversationId) =>
        db.ScalarAsync<long>("SELECT count(*) FROM call_logs WHERE conversation_id = $1", conversationId);
}
