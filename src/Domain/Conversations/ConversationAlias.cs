using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Conversations;

/// <summary>
/// An old conversation id that now means another conversation: the legacy upgrade merged two direct
/// chats of the same people into one, and links to the old id must keep working.
/// </summary>
public sealed class ConversationAlias
{
    private ConversationAlias()
    {
    }

    public ConversationAlias(ConversationId aliasId, ConversationId conversationId)
    {
        AliasId = aliasId;
        ConversationId = conversationId;
    }

    public ConversationId AliasId { get; private set; }
    public ConversationId ConversationId { get; private set; }
}
