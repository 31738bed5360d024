using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Media;

namespace Astegni.Chat.Application.Media;

/// <summary>How media items appear to clients: the API's <c>media</c> object, downloadable at its url.</summary>
public static class MediaLinks
{
    public static string UrlOf(int mediaId) => $"/api/chat/media/{mediaId}";

    public static MediaView ViewOf(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new MediaView(
            item.Id.Value, UrlOf(item.Id.Value), item.MimeType, item.SizeBytes, item.Width, item.Height, item.DurationMs, item.FileName);
    }
}
