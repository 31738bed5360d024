using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Conversations;

public static class ConversationErrors
{
    public static readonly Error NotFound =
        Error.NotFound("conversation_not_found", "No such conversation.");

    public static readonly Error NotAMember =
        Error.NotFound("conversation_not_found", "No such conversation.");

    public static readonly Error MessageNotInConversation =
        Error.NotFound("message_not_found", "No such message in this conversation.");
}
