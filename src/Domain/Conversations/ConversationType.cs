namespace Astegni.Chat.Domain.Conversations;

public enum ConversationType
{
    Direct,
    Group,

    /// <summary>A person's conversation with themself ("open chat with me").</summary>
    Notes,
}

public enum ParticipantRole
{
    Member,
    Admin,
}
