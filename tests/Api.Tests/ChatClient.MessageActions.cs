using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests;

/// <summary>REST calls for message actions: reply, forward, edit, delete, react, pin.</summary>
internal static class MessageActionsClient
{
    public static Task<HttpResponseMessage> EditAsync(this TestUser user, int messageId, string? content) =>
        user.Http.PutAsJsonAsync($"/api/chat/messages/{messageId}", new JsonObject { ["content"] = content });

    /// <param name="scope">The <c>for</c> parameter; null sends none (the default, "me").</param>
    public static Task<HttpResponseMessage> DeleteMessageAsync(this TestUser user, int messageId, string? scope = null) =>
        user.Http.DeleteAsync(new Uri(
            scope is null ? $"/api/chat/messages/{messageId}" : $"/api/chat/messages/{messageId}?for={Uri.EscapeDataString(scope)}",
            UriKind.Relative));

    public static Task<HttpResponseMessage> ReactAsync(this TestUser user, int messageId, string? reaction) =>
        user.Http.PostAsJsonAsync($"/api/chat/messages/{messageId}/reactions", new JsonObject { ["reaction"] = reaction });

    public static Task<HttpResponseMessage> RemoveReactionAsync(this TestUser user, int messageId) =>
        user.Http.DeleteAsync(new Uri($"/api/chat/messages/{messageId}/reactions", UriKind.Relative));

    public static Task<HttpResponseMessage> PinAsync(this TestUser user, int messageId) =>
        user.Http.PostAsync(new Uri($"/api/chat/messages/{messageId}/pin", UriKind.Relative), content: null);

    public static Task<HttpResponseMessage> UnpinAsync(this TestUser user, int messageId) =>
        user.Http.DeleteAsync(new Uri($"/api/chat/messages/{messageId}/pin", UriKind.Relative));

    public static Task<HttpResponseMessage> ReplyAsync(this TestUser user, int conversationId, int replyToId, string content) =>
        user.Http.PostAsJsonAsync("/api/chat/messages", new JsonObject
        {
            ["conversation_id"] = conversationId,
            ["message_type"] = "text",
            ["content"] = content,
            ["reply_to_id"] = replyToId,
        });

    /// <summary>A forward as the frontend sends it: no content, the source's id.</summary>
    public static Task<HttpResponseMessage> ForwardAsync(this TestUser user, int conversationId, int sourceMessageId) =>
        user.Http.PostAsJsonAsync("/api/chat/messages", new JsonObject
        {
            ["conversation_id"] = conversationId,
            ["forward_of_message_id"] = sourceMessageId,
        });

    /// <summary>The newest page of history as this user sees it.</summary>
    public static async Task<JsonArray> HistoryAsync(this TestUser user, int conversationId) =>
        (await user.GetJsonAsync($"/api/chat/messages/{conversationId}"))["messages"]!.AsArray();

    /// <summary>One message as this user's history shows it; null when it is not in their history.</summary>
    public static async Task<JsonNode?> SeenAsync(this TestUser user, int conversationId, int messageId) =>
        (await user.HistoryAsync(conversationId)).FirstOrDefault(m => m!["id"]!.GetValue<int>() == messageId);
}
