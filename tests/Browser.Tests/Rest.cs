using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Browser.Tests;

/// <summary>Arranging a test through the public REST API (what happened before the page was opened).</summary>
internal static class Rest
{
    public static async Task<int> OpenDirectAsync(this Person person, Person other)
    {
        var response = await person.Http.PostAsJsonAsync("/api/chat/conversations", new JsonObject
        {
            ["type"] = "direct",
            ["participant_user_ids"] = new JsonArray(other.Id),
        });
        return (await response.JsonAsync(HttpStatusCode.Created, HttpStatusCode.OK))["conversation"]!["id"]!.GetValue<int>();
    }

    public static async Task<int> SendAsync(this Person person, int conversationId, string content)
    {
        var response = await person.Http.PostAsJsonAsync("/api/chat/messages", new JsonObject
        {
            ["conversation_id"] = conversationId,
            ["message_type"] = "text",
            ["content"] = content,
        });
        return (await response.JsonAsync(HttpStatusCode.Created))["message"]!["id"]!.GetValue<int>();
    }

    public static async Task<JsonNode> GetAsync(this Person person, string path) =>
        await (await person.Http.GetAsync(new Uri(path, UriKind.Relative))).JsonAsync(HttpStatusCode.OK);

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(expected, Does.Contain(response.StatusCode), $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
