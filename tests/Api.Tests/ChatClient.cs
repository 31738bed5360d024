using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests;

/// <summary>The REST calls the tests make, as the Astegni frontend makes them (snake_case JSON).</summary>
internal static class ChatClient
{
    public static Task<HttpResponseMessage> OpenDirectAsync(this TestUser user, int otherUserId) =>
        user.Http.PostAsJsonAsync("/api/chat/conversations", new JsonObject
        {
            ["type"] = "direct",
            ["participant_user_ids"] = new JsonArray(otherUserId),
        });

    public static async Task<int> OpenDirectIdAsync(this TestUser user, int otherUserId)
    {
        var response = await user.OpenDirectAsync(otherUserId);
        var body = await response.JsonAsync(HttpStatusCode.Created, HttpStatusCode.OK);
        return body["conversation"]!["id"]!.GetValue<int>();
    }

    public static Task<HttpResponseMessage> SendAsync(this TestUser user, int conversationId, string content, string? clientMessageId = null) =>
        user.Http.PostAsJsonAsync("/api/chat/messages", new JsonObject
        {
            ["conversation_id"] = conversationId,
            ["message_type"] = "text",
            ["content"] = content,
            ["client_message_id"] = clientMessageId,
        });

    public static async Task<JsonNode> SendOkAsync(this TestUser user, int conversationId, string content)
    {
        var response = await user.SendAsync(conversationId, content);
        return (await response.JsonAsync(HttpStatusCode.Created))["message"]!;
    }

    public static async Task<int> SendIdAsync(this TestUser user, int conversationId, string content) =>
        (await user.SendOkAsync(conversationId, content))["id"]!.GetValue<int>();

    public static Task<HttpResponseMessage> BlockAsync(this TestUser user, int blockedUserId, string? reason = null) =>
        user.Http.PostAsJsonAsync("/api/chat/block", new JsonObject { ["blocked_user_id"] = blockedUserId, ["reason"] = reason });

    public static Task<HttpResponseMessage> PutSettingsAsync(this TestUser user, JsonObject changes) =>
        user.Http.PutAsJsonAsync("/api/chat/settings", changes);

    public static async Task<JsonNode> GetJsonAsync(this TestUser user, string path) =>
        await (await user.Http.GetAsync(new Uri(path, UriKind.Relative))).JsonAsync(HttpStatusCode.OK);

    /// <summary>Asserts the status and returns the body.</summary>
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(expected, Does.Contain(response.StatusCode), $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Asserts 204 No Content (showing the body when it is not).</summary>
    public static async Task NoContentAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), text);
    }

    /// <summary>Asserts an RFC 7807 refusal with this status and code; returns the problem.</summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var problem = JsonNode.Parse(text)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem["code"]?.GetValue<string>(), Is.EqualTo(code), text);
            Assert.That(problem["status"]?.GetValue<int>(), Is.EqualTo((int)status), text);
            Assert.That(problem["title"], Is.Not.Null, text);
            Assert.That(text, Does.Not.Contain("Npgsql").And.Not.Contain(" at Astegni").And.Not.Contain("SELECT"), "no internals leak");
        }

        return problem;
    }
}
