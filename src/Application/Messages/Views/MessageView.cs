namespace Astegni.Chat.Application.Messages.Views;

/// <summary>A message as one viewer sees it (the API's <c>Message</c>).</summary>
public sealed record MessageView(
    int Id,
    int ConversationId,
    int SenderUserId,
    string SenderName,
    string? SenderAvatar,
    string MessageType,
    string? Content,
    MediaView? Media,
    ReplyPreview? ReplyTo,
    ForwardedFrom? ForwardedFrom,
    IReadOnlyList<ReactionView> Reactions,
    bool IsEdited,
    DateTimeOffset? EditedAt,
    bool IsDeleted,
    bool IsPinned,
    bool IsMine,
    string? ClientMessageId,
    DateTimeOffset CreatedAt);

public sealed record MediaView(int Id, string Url, string MimeType, long Size, int? Width, int? Height, int? DurationMs, string? FileName);

public sealed record ReplyPreview(int Id, int SenderUserId, string SenderName, string? Preview);

public sealed record ForwardedFrom(int UserId, string Name);

public sealed record ReactionView(string Reaction, IReadOnlyList<int> UserIds, int Count);
