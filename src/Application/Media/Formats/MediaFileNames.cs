using System.Globalization;
using System.Text;
using Astegni.Chat.Application.Common;

namespace Astegni.Chat.Application.Media.Formats;

/// <summary>
/// The name an upload is shown and downloaded under. It is only ever a label (storage keys are
/// generated): no directories, no control or reserved characters, at most 255 characters, and an
/// extension that fits what the bytes are (a PNG sent as <c>cv.pdf</c> is named <c>cv.pdf.png</c>).
/// </summary>
public static class MediaFileNames
{
    public const int MaxLength = 255;

    private const string Reserved = "\"\\/:*?<>|";

    /// <returns>The safe name, or null when nothing usable is left of <paramref name="clientName"/>.</returns>
    public static string? Safe(string? clientName, MediaFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (string.IsNullOrWhiteSpace(clientName))
        {
            return null;
        }

        // Browsers on Windows used to send the full path; only the last segment is the name.
        var lastSegment = clientName.Replace('\\', '/').Split('/')[^1];
        var name = new StringBuilder(lastSegment.Length);
        foreach (var rune in lastSegment.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (!Rune.IsControl(rune) && Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format && !Reserved.Contains((char)rune.Value, StringComparison.Ordinal))
            {
                name.Append(rune.ToString());
            }
        }

        var cleaned = name.ToString().Trim().Trim('.').Trim();
        if (cleaned.Length == 0)
        {
            return null;
        }

        var extension = Path.GetExtension(cleaned);
        var fits = format.Extensions.Any(e => string.Equals(e, extension, StringComparison.OrdinalIgnoreCase));
        var stem = fits ? cleaned[..^extension.Length] : cleaned;
        var suffix = fits ? extension : format.Extension;
        if (stem.Length + suffix.Length > MaxLength)
        {
            stem = stem[..(MaxLength - suffix.Length)];
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }
        }

        return stem + suffix;
    }

    /// <summary>The name a download gets when the uploader gave none, e.g. <c>image-12.png</c>.</summary>
    public static string Fallback(int mediaId, string mimeType)
    {
        var format = MediaFormat.OfMimeType(mimeType);
        return format is null
            ? string.Create(CultureInfo.InvariantCulture, $"media-{mediaId}")
            : string.Create(CultureInfo.InvariantCulture, $"{WireValue.Of(format.Kind)}-{mediaId}{format.Extension}");
    }
}
