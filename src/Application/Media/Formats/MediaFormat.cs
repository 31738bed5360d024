using Astegni.Chat.Domain.Media;

namespace Astegni.Chat.Application.Media.Formats;

/// <summary>
/// One accepted kind of content: what it is for the chat (<see cref="Kind"/>), its MIME type, and the file
/// name extensions that fit it (the first is the one a name gets when it has none that fits).
/// </summary>
public sealed record MediaFormat(MediaKind Kind, string MimeType, params string[] Extensions)
{
    public string Extension => Extensions[0];

    public static readonly MediaFormat Jpeg = new(MediaKind.Image, "image/jpeg", ".jpg", ".jpeg", ".jfif");
    public static readonly MediaFormat Png = new(MediaKind.Image, "image/png", ".png");
    public static readonly MediaFormat Gif = new(MediaKind.Image, MediaItem.GifMimeType, ".gif");
    public static readonly MediaFormat WebP = new(MediaKind.Image, "image/webp", ".webp");

    public static readonly MediaFormat WebmAudio = new(MediaKind.Audio, "audio/webm", ".webm", ".weba");
    public static readonly MediaFormat OggAudio = new(MediaKind.Audio, "audio/ogg", ".ogg", ".opus", ".oga");
    public static readonly MediaFormat Mp3 = new(MediaKind.Audio, "audio/mpeg", ".mp3");
    public static readonly MediaFormat Aac = new(MediaKind.Audio, "audio/aac", ".aac");
    public static readonly MediaFormat Mp4Audio = new(MediaKind.Audio, "audio/mp4", ".m4a", ".mp4");
    public static readonly MediaFormat Wav = new(MediaKind.Audio, "audio/wav", ".wav");
    public static readonly MediaFormat Flac = new(MediaKind.Audio, "audio/flac", ".flac");

    public static readonly MediaFormat Mp4Video = new(MediaKind.Video, "video/mp4", ".mp4", ".m4v");
    public static readonly MediaFormat WebmVideo = new(MediaKind.Video, "video/webm", ".webm");
    public static readonly MediaFormat OggVideo = new(MediaKind.Video, "video/ogg", ".ogv", ".ogg");
    public static readonly MediaFormat QuickTime = new(MediaKind.Video, "video/quicktime", ".mov", ".qt");

    public static readonly MediaFormat Pdf = new(MediaKind.File, "application/pdf", ".pdf");
    public static readonly MediaFormat Zip = new(MediaKind.File, "application/zip", ".zip");
    public static readonly MediaFormat Docx = new(MediaKind.File, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly MediaFormat Xlsx = new(MediaKind.File, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly MediaFormat Pptx = new(MediaKind.File, "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly MediaFormat Odt = new(MediaKind.File, "application/vnd.oasis.opendocument.text", ".odt");
    public static readonly MediaFormat Ods = new(MediaKind.File, "application/vnd.oasis.opendocument.spreadsheet", ".ods");
    public static readonly MediaFormat Odp = new(MediaKind.File, "application/vnd.oasis.opendocument.presentation", ".odp");
    public static readonly MediaFormat Epub = new(MediaKind.File, "application/epub+zip", ".epub");
    public static readonly MediaFormat Rtf = new(MediaKind.File, "application/rtf", ".rtf");
    public static readonly MediaFormat PlainText = new(MediaKind.File, "text/plain", ".txt", ".csv", ".md", ".log", ".json", ".xml");

    /// <summary>Every accepted format: the allow-list.</summary>
    public static IReadOnlyList<MediaFormat> All { get; } =
    [
        Jpeg, Png, Gif, WebP,
        WebmAudio, OggAudio, Mp3, Aac, Mp4Audio, Wav, Flac,
        Mp4Video, WebmVideo, OggVideo, QuickTime,
        Pdf, Zip, Docx, Xlsx, Pptx, Odt, Ods, Odp, Epub, Rtf, PlainText,
    ];

    /// <summary>The format stored under <paramref name="mimeType"/>; null for a type this service never stores.</summary>
    public static MediaFormat? OfMimeType(string mimeType) =>
        All.FirstOrDefault(f => string.Equals(f.MimeType, mimeType, StringComparison.Ordinal));

    /// <summary>The Content-Type a download is served with: text says its encoding, the rest is the stored type.</summary>
    public static string ContentTypeOf(string mimeType) =>
        mimeType == PlainText.MimeType ? "text/plain; charset=utf-8" : mimeType;
}
