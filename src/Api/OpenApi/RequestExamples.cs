using System.Text.Json.Nodes;
using Astegni.Chat.Api.Endpoints;
using Astegni.Chat.Application.Privacy.UpdatePrivacySettings;

namespace Astegni.Chat.Api.OpenApi;

/// <summary>An example body for each request, as an integrator would send it (snake_case, integer ids).</summary>
internal static class RequestExamples
{
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(CreateConversationRequest)] = """{ "type": "group", "participant_user_ids": [12, 15], "name": "Grade 10 physics", "description": "Saturday sessions" }""",
        [typeof(UpdateGroupRequest)] = """{ "name": "Grade 10 physics (2026)", "description": "Saturday sessions, 10:00" }""",
        [typeof(AddParticipantsRequest)] = """{ "participant_user_ids": [21] }""",
        [typeof(ChangeRoleRequest)] = """{ "role": "admin" }""",
        [typeof(MarkReadRequest)] = """{ "message_id": 4711 }""",
        [typeof(MuteRequest)] = """{ "muted": true, "until": "2026-12-31T18:00:00Z" }""",
        [typeof(ArchiveRequest)] = """{ "archived": true }""",
        [typeof(PinRequest)] = """{ "pinned": true }""",
        [typeof(SendMessageRequest)] = """{ "conversation_id": 42, "message_type": "text", "content": "See you on Saturday at 10.", "client_message_id": "b6f1c2e0-5d7a-4f43-9c1e-2a8f0d6e7b91", "reply_to_id": 4711 }""",
        [typeof(EditMessageRequest)] = """{ "content": "See you on Saturday at 11." }""",
        [typeof(ReactionRequest)] = """{ "reaction": "👍" }""",
        [typeof(BlockUserRequest)] = """{ "blocked_user_id": 15, "reason": "Unwanted messages" }""",
        [typeof(UpdatePrivacySettings)] = """{ "who_can_message": "connections", "read_receipts": false }""",
        [typeof(StartCallRequest)] = """{ "conversation_id": 42, "call_type": "video" }""",
        [typeof(UpdateCallRequest)] = """{ "action": "answer" }""",
        [typeof(TypingRequest)] = """{ "is_typing": true }""",
    };

    public static JsonNode? For(Type bodyType) => Examples.TryGetValue(bodyType, out var json) ? JsonNode.Parse(json) : null;

    public static bool Has(Type bodyType) => Examples.ContainsKey(bodyType);
}
