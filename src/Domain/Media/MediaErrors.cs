using System.Globalization;
using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Media;

/// <summary>
/// Refusals about uploaded media. An item the caller may not use or see is <see cref="NotFound"/>,
/// never forbidden: its existence is not revealed.
/// </summary>
public static class MediaErrors
{
    public static readonly Error NotFound = Error.NotFound("media_not_found", "No such media item.");

    /// <summary>A signed download link whose signature does not fit its item and expiry (tampered, guessed, or another item's).</summary>
    public static readonly Error LinkInvalid = Error.Forbidden("media_link_invalid", "This media link is not valid.");

    /// <summary>A genuine signed download link past its expiry: load the message again for a fresh one.</summary>
    public static readonly Error LinkExpired = Error.Gone("media_link_expired", "This media link has expired; load the message again for a new one.");

    public static readonly Error TypeMismatch =
        Error.Validation("media_type_mismatch", "This media item does not fit the message type (e.g. a PDF sent as an image).");

    public static readonly Error Empty = Error.Validation("media_empty", "The uploaded file is empty.");

    public static readonly Error Missing =
        Error.Validation("media_missing", "Send the file as multipart/form-data in a field named 'file'.");

    public static readonly Error TypeNotAllowed = Error.Validation(
        "media_type_not_allowed",
        "This kind of file is not accepted. Images: JPEG, PNG, GIF, WebP; audio: WebM/Opus, Ogg, MP3, M4A, WAV, FLAC, AAC; "
        + "video: MP4, WebM, QuickTime; files: PDF, Office and OpenDocument documents, ZIP, RTF, plain text.");

    /// <summary>Too large for its kind; <paramref name="limitBytes"/> is that kind's limit.</summary>
    public static Error TooLarge(MediaKind kind, long limitBytes) => Error.TooLarge(
        TooLargeCode,
        string.Create(
            CultureInfo.InvariantCulture,
            $"This {kind.ToString().ToLowerInvariant()} is larger than the limit of {limitBytes / (1024.0 * 1024.0):0.#} MB."));

    public const string TooLargeCode = "media_too_large";

    /// <summary>What I keep uploaded would exceed my quota; unused uploads expire and free it.</summary>
    public static Error QuotaExceeded(long quotaMegabytes) =>
        Error.RateLimited(new RateLimitHit("storage_quota_megabytes", (int)Math.Min(quotaMegabytes, int.MaxValue), 0, TimeSpan.FromHours(1), TimeSpan.FromHours(1))) with
        {
            Code = "storage_quota_exceeded",
            Message = $"Your uploads would exceed your storage quota of {quotaMegabytes} MB.",
        };
}
