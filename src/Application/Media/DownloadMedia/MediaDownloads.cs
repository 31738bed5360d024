using System.Linq.Expressions;
using Astegni.Chat.Application.Media.Formats;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Media;

namespace Astegni.Chat.Application.Media.DownloadMedia;

/// <summary>What both downloads (with a bearer token, with a signed link) read of an item, and how they open it.</summary>
public static class MediaDownloads
{
    public static readonly Expression<Func<MediaItem, StoredMedia>> Stored =
        m => new StoredMedia(m.Id, m.StorageKey, m.MimeType, m.Kind, m.FileName, m.CreatedAt);

    /// <summary>The item's bytes, or not found when there is no such item (for this caller) or its file is gone.</summary>
    public static async Task<Result<MediaDownload>> OpenAsync(IMediaStorage storage, StoredMedia? item, CancellationToken cancellationToken)
    {
        if (item is null)
        {
            return MediaErrors.NotFound;
        }

        var content = await storage.OpenReadAsync(item.StorageKey, cancellationToken);
        if (content is null)
        {
            return MediaErrors.NotFound;
        }

        var id = item.Id.Value;
        return new MediaDownload(
            id, content, MediaFormat.ContentTypeOf(item.MimeType), item.Kind, item.FileName ?? MediaFileNames.Fallback(id, item.MimeType), item.CreatedAt);
    }
}

public sealed record StoredMedia(MediaId Id, string StorageKey, string MimeType, MediaKind Kind, string? FileName, DateTimeOffset CreatedAt);
