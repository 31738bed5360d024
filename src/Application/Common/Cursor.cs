using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Astegni.Chat.Application.Common;

/// <summary>
/// An opaque page position: the sort key and id of the last item of the previous page. Clients pass
/// it back unchanged; a cursor that does not decode is a validation error.
/// </summary>
public readonly record struct Cursor(long Key, int Id)
{
    // Keys are points in time (UTC ticks) or zero: anything else was not handed out by this service.
    private const long MaxKey = 3155378975999999999; // DateTimeOffset.MaxValue.UtcTicks

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Key}:{Id}")));

    public static bool TryDecode(string? text, out Cursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return false;
        }

        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var key)
                && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                && key is >= 0 and <= MaxKey
                && id > 0)
            {
                cursor = new Cursor(key, id);
                return true;
            }
        }
        catch (FormatException)
        {
            // not base64url: falls through to "not a cursor"
        }

        return false;
    }
}

public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;
}
