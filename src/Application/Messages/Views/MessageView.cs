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

/// <param name="Url">Downloads with the bearer token, for as long as the viewer may see the item.</param>
/// <param name="SignedUrl">
/// Downloads without any header (for <c>&lt;img&gt;</c>, <c>&lt;audio&gt;</c>, <c>&lt;video&gt;</c>) until its
/// <c>expires</c>; a view loaded again carries a fresh one.
/// </param>
public sealed record MediaView(
    int Id, string Url, string MimeType, long Size, int? Width, int? Height, int? DurationMs, string? FileName, string SignedUrl);

public sealed record ReplyPreview(int Id, int SenderUserId, string SenderName, string? Preview);

public sealed record ForwardedFrom(int UserId, string Name);

public sealed record ReactionView(string Reaction, IReadOnlyList<int> UserIds, int Count);
