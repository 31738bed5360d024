using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests;

/// <summary>The group calls the tests make, as the Astegni frontend makes them.</summary>
internal static class GroupChatClient
{
    public static Task<HttpResponseMessage> CreateGroupAsync(this TestUser user, string? name, params int[] memberIds) =>
        user.CreateGroupAsync(new JsonObject
        {
            ["type"] = "group",
            ["name"] = name,
            ["participant_user_ids"] = new JsonArray(memberIds.Select(id => (JsonNode)id).ToArray()),
        });

    public static Task<HttpResponseMessage> CreateGroupAsync(this TestUser user, JsonObject body) =>
        user.Http.PostAsJsonAsync("/api/chat/conversations", body);

    /// <summary>Creates the group (asserting 201) and returns the whole answer: conversation, added, refused.</summary>
    public static async Task<JsonNode> CreateGroupOkAsync(this TestUser user, string name, params int[] memberIds) =>
        await (await user.CreateGroupAsync(name, memberIds)).JsonAsync(HttpStatusCode.Created);

    public static async Task<int> CreateGroupIdAsync(this TestUser user, string name, params int[] memberIds) =>
        (await user.CreateGroupOkAsync(name, memberIds))["conversation"]!["id"]!.GetValue<int>();

    public static Task<HttpResponseMessage> GetConversationAsync(this TestUser user, int conversationId) =>
        user.Http.GetAsync(new Uri($"/api/chat/conversations/{conversationId}", UriKind.Relative));

    public static async Task<JsonNode> GetConversationOkAsync(this TestUser user, int conversationId) =>
        (await (await user.GetConversationAsync(conversationId)).JsonAsync(HttpStatusCode.OK))["conversation"]!;

    public static Task<HttpResponseMessage> UpdateGroupAsync(this TestUser user, int conversationId, JsonObject changes) =>
        user.Http.PutAsJsonAsync($"/api/chat/conversations/{conversationId}", changes);

    public static Task<HttpResponseMessage> AddParticipantsAsync(this TestUser user, int conversationId, params int[] userIds) =>
        user.Http.PostAsJsonAsync($"/api/chat/conversations/{conversationId}/participants", new JsonObject
        {
            ["participant_user_ids"] = new JsonArray(userIds.Select(id => (JsonNode)id).ToArray()),
        });

    public static async Task<JsonNode> AddParticipantsOkAsync(this TestUser user, int conversationId, params int[] userIds) =>
        await (await user.AddParticipantsAsync(conversationId, userIds)).JsonAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> RemoveParticipantAsync(this TestUser user, int conversationId, int userId) =>
        user.Http.DeleteAsync(new Uri($"/api/chat/conversations/{conversationId}/participants/{userId}", UriKind.Relative));

    public static Task<HttpResponseMessage> LeaveAsync(this TestUser user, int conversationId) =>
        user.RemoveParticipantAsync(conversationId, user.Id);

    public static Task<HttpResponseMessage> ChangeRoleAsync(this TestUser user, int conversationId, int userId, string? role) =>
        user.Http.PutAsJsonAsync($"/api/chat/conversations/{conversationId}/participants/{userId}/role", new JsonObject { ["role"] = role });

    /// <summary>The members' ids and roles as GET /conversations/{id} shows them to <paramref name="viewer"/>.</summary>
    public static async Task<Dictionary<int, string>> RolesAsync(this TestUser viewer, int conversationId) =>
        (await viewer.GetConversationOkAsync(conversationId))["participants"]!.AsArray()
        .ToDictionary(p => p!["user_id"]!.GetValue<int>(), p => p!["role"]!.GetValue<string>());

    /// <summary>The contents of the messages <paramref name="viewer"/> sees, oldest first.</summary>
    public static async Task<List<string>> VisibleContentsAsync(this TestUser viewer, int conversationId) =>
        (await viewer.GetJsonAsync($"/api/chat/messages/{conversationId}"))["messages"]!.AsArray()
        .Select(m => m!["content"]!.GetValue<string>())
        .Reverse()
        .ToList();
}
