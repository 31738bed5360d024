using System.Text.Json.Serialization;

namespace Astegni.Chat.Application.Conversations.Views;

/// <summary>
/// A conversation as it appears in one user's list (the API's <c>ConversationSummary</c>). Not sealed:
/// <see cref="GetConversation.ConversationDetails"/> is these fields and more.
/// </summary>
public record ConversationSummary(
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
    DateTimeOffset UpdatedAt)
{
    /// <summary>Old clients only, direct chats only: the other person's role profile (Astegni's modal matches blocks by it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? OtherProfileId { get; init; }

    /// <inheritdoc cref="OtherProfileId"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OtherProfileType { get; init; }
}

/// <param name="Content">
/// What a list shows for the message, never empty: the preview text, or for a message without text what it is
/// ("Photo", "Voice message", "Message deleted"...). Astegni's chat modal reads this field, not <paramref name="Preview"/>.
/// </param>
public sealed record LastMessagePreview(
    int Id,
    int SenderUserId,
    string SenderName,
    string MessageType,
    string? Preview,
    DateTimeOffset CreatedAt,
    string Content);
