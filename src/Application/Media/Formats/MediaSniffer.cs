using Astegni.Chat.Domain.Media;

namespace Astegni.Chat.Application.Media.Formats;

/// <summary>
/// Decides what an upload is from its first bytes (magic numbers and headers), against the allow-list
/// <see cref="MediaFormat.All"/>. The declared content type and the file name never decide; the one
/// thing a client may say is whether a container that holds either (WebM, MP4) is audio or video, and
/// only when its head does not tell.
/// </summary>
public static class MediaSniffer
{
    /// <summary>How much of the content is read to decide: enough for headers, and for a short voice note whole.</summary>
    public const int HeadLength = 1024 * 1024;

    /// <param name="head">The first bytes of the content (at most <see cref="HeadLength"/>).</param>
    /// <param name="isWhole">True when <paramref name="head"/> is all of the content.</param>
    /// <param name="hint">What the client says it sends; used only to tell audio from video.</param>
    /// <returns>The format, or null when the content is none of the accepted ones.</returns>
    public static SniffedMedia? Sniff(ReadOnlySpan<byte> head, bool isWhole, MediaKind? hint = null) =>
        head.IsEmpty
            ? null
            : ImageHeaders.Sniff(head)
              ?? AudioHeaders.Sniff(head)
              ?? WebmHeader.Sniff(head, isWhole, hint)
              ?? IsoMediaHeader.Sniff(head, hint)
              ?? DocumentHeaders.Sniff(head, isWhole);
}
