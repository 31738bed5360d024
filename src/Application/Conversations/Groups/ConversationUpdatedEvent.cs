namespace Astegni.Chat.Application.Conversations.Groups;

/// <summary>Hub event <c>conversation_updated {conversation_id}</c>: refetch the conversation (or find it gone).</summary>
public sealed record ConversationUpdatedEvent(int ConversationId)
{
    public const string EventName = "conversation_updated";
}
