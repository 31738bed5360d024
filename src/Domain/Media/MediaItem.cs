using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Media;

public enum MediaKind
{
    Image,
    File,
    Audio,
    Video,
}

/// <summary>
/// An uploaded file (image, document, voice note, video). Its bytes live in storage under
/// <see cref="StorageKey"/>; messages reference it by id, never by URL.
/// </summary>
public sealed class MediaItem
{
    /// <summary>The one image type that may also be sent as a <c>gif</c> message.</summary>
    public const string GifMimeType = "image/gif";

    private MediaItem()
    {
    }

    public MediaItem(
        UserId uploaderUserId, MediaKind kind, string mimeType, long sizeBytes, string storageKey, string? fileName,
        int? width, int? height, int? durationMs, DateTimeOffset now)
    {
        UploaderUserId = uploaderUserId;
        Kind = kind;
        MimeType = mimeType;
        SizeBytes = sizeBytes;
        StorageKey = storageKey;
        FileName = fileName;
        Width = width;
        Height = height;
        DurationMs = durationMs;
        CreatedAt = now;
    }

    public MediaId Id { get; private set; }
    public UserId UploaderUserId { get; private set; }
    public MediaKind Kind { get; private set; }
    public string MimeType { get; private set; } = string.Empty;
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = string.Empty;
    public string? FileName { get; private set; }
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public int? DurationMs { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsUploadedBy(UserId user) => UploaderUserId == user;
}
