namespace Astegni.Chat.Application.Conversations.Views;

/// <summary>A conversation as it appears in one user's list (the API's <c>ConversationSummary</c>).</summary>
public sealed record ConversationSummary(
    int Id,
    string Type,
    string? Name,
    string? AvatarUrl,
    int? OtherUserId,
    int ParticipantCount,
    LastMessagePreview? LastMessage,
    int UnreadCount,
    bool IsMuted,
    DateTimeOffset? MutedUntil,
    bool IsArchived,
    bool IsPinned,
    DateTimeOffset UpdatedAt);

public sealed record LastMessagePreview(
    int Id,
    int SenderUserId,
    string SenderName,
    string MessageType,
    string? Preview,
    DateTimeOffset CreatedAt);
