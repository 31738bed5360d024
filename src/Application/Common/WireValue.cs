using System.Text.Json;

namespace Astegni.Chat.Application.Common;

/// <summary>
/// Enum values as they travel in JSON and sit in Astegni's text columns: snake_case words
/// ('connections', 'direct', 'admin'). Unknown text is refused, never guessed.
/// </summary>
public static class WireValue
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}.");

    public static string[] AllOf<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Of).ToArray();
}
