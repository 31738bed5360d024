using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Astegni.Chat.Benchmarks;

/// <summary>The few REST calls the benchmark makes, in the contract's snake_case JSON.</summary>
public static class ChatCalls
{
    public const string MessagesPath = "/api/chat/messages";
    public const string ConversationsPath = "/api/chat/conversations";

    /// <summary>Opens (or finds) the direct conversation between the client's user and <paramref name="otherUserId"/>.</summary>
    public static async Task<int> OpenDirectAsync(HttpClient client, int otherUserId)
    {
        using var response = await client.PostAsJsonAsync(
            ConversationsPath, new Dictionary<string, object> { ["type"] = "direct", ["participant_user_ids"] = new[] { otherUserId } });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"Opening a direct conversation answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("conversation").GetProperty("id").GetInt32();
    }

    /// <summary>The body of POST /api/chat/messages for a text message.</summary>
    public static StringContent TextMessage(int conversationId, string content) =>
        new(
            $$"""{"conversation_id":{{conversationId}},"message_type":"text","content":{{JsonSerializer.Serialize(content)}}}""",
            Encoding.UTF8,
            "application/json");

    /// <summary>Posts a text message and reads the whole answer; throws unless it is 201 Created.</summary>
    public static async Task SendAsync(HttpClient client, int conversationId, string content, CancellationToken cancellationToken = default)
    {
        using var body = TextMessage(conversationId, content);
        using var response = await client.PostAsync(MessagesPath, body, cancellationToken);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST {MessagesPath} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(answer)}");
        }
    }
}
