using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Media;

namespace Astegni.Chat.Application.Media;

/// <summary>How media items appear to clients: the API's <c>media</c> object, downloadable at its url.</summary>
public static class MediaLinks
{
    public static string UrlOf(int mediaId) => $"/api/chat/media/{mediaId}";

    /// <summary>The media object of an item its caller may see (it carries a signed link).</summary>
    public static MediaView ViewOf(MediaItem item, SignedMediaUrls links)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(links);
        return new MediaView(
            item.Id.Value, UrlOf(item.Id.Value), item.MimeType, item.SizeBytes, item.Width, item.Height, item.DurationMs, item.FileName,
            links.For(item.Id.Value));
    }
}
