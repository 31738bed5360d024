using System.Globalization;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Media;

namespace Astegni.Chat.Domain.Messages;

/// <summary>What a message says: its type, content and the media item it carries, valid by construction.</summary>
public sealed record MessageBody
{
    public const int MaxTextLength = 10_000;

    private MessageBody(MessageType type, string? content, MediaId? mediaId = null)
    {
        Type = type;
        Content = content;
        MediaId = mediaId;
    }

    public MessageType Type { get; }

    /// <summary>The text; for a media message its optional caption; for a location <c>{"lat":..,"lng":..}</c>.</summary>
    public string? Content { get; }

    /// <summary>The uploaded item an image, gif, file, audio or video message carries; null for the others.</summary>
    public MediaId? MediaId { get; }

    public static readonly Error EmptyText = Error.Validation("message_empty", "A text message needs some text.");

    public static readonly Error TextTooLong =
        Error.Validation("message_too_long", $"A text message holds at most {MaxTextLength} characters.");

    public static readonly Error InvalidLocation = Error.Validation(
        "invalid_location", "A location is content {\"lat\": -90..90, \"lng\": -180..180}.");

    public static Result<MessageBody> Text(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return EmptyText;
        }

        if (content.Length > MaxTextLength)
        {
            return TextTooLong;
        }

        return new MessageBody(MessageType.Text, content);
    }

    /// <summary>
    /// A message carrying <paramref name="media"/>, with an optional caption. Only the uploader may send an
    /// item (anyone else's is not found); its kind must fit the type: image ↔ image, gif ↔ an image/gif
    /// image, file ↔ file, audio ↔ audio, video ↔ video.
    /// </summary>
    public static Result<MessageBody> WithMedia(MessageType type, MediaItem media, UserId sender, string? caption)
    {
        ArgumentNullException.ThrowIfNull(media);
        if (!media.IsUploadedBy(sender))
        {
            return MediaErrors.NotFound;
        }

        if (!Fits(type, media))
        {
            return MediaErrors.TypeMismatch;
        }

        if (caption?.Length > MaxTextLength)
        {
            return TextTooLong;
        }

        return new MessageBody(type, string.IsNullOrWhiteSpace(caption) ? null : caption, media.Id);
    }

    /// <summary>A point on the map, kept as the content <c>{"lat":..,"lng":..}</c> in invariant notation.</summary>
    public static Result<MessageBody> Location(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude) || Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180)
        {
            return InvalidLocation;
        }

        var content = string.Create(CultureInfo.InvariantCulture, $"{{\"lat\":{latitude:R},\"lng\":{longitude:R}}}");
        return new MessageBody(MessageType.Location, content);
    }

    /// <summary>The body of an existing message, unchanged (a forward copies it as it is, media included).</summary>
    internal static MessageBody Copy(MessageType type, string? content, MediaId? mediaId) => new(type, content, mediaId);

    /// <summary>A notice written by the system or another module (e.g. a session request), shown to all members.</summary>
    public static Result<MessageBody> System(string? content) =>
        Text(content).Map(body => new MessageBody(MessageType.System, body.Content));

    private static bool Fits(MessageType type, MediaItem media) => type switch
    {
        MessageType.Image => media.Kind == MediaKind.Image,
        MessageType.Gif => media.Kind == MediaKind.Image && string.Equals(media.MimeType, MediaItem.GifMimeType, StringComparison.Ordinal),
        MessageType.File => media.Kind == MediaKind.File,
        MessageType.Audio => media.Kind == MediaKind.Audio,
        MessageType.Video => media.Kind == MediaKind.Video,
        _ => false,
    };
}
