using System.Text.Json;

namespace Astegni.Chat.Application.Messages.SendMessage;

/// <summary>The content of a location message as clients send it: a JSON object <c>{"lat": number, "lng": number}</c>.</summary>
public static class LocationContent
{
    public static bool TryParse(string? content, out double latitude, out double longitude)
    {
        latitude = longitude = 0;
        if (string.IsNullOrWhiteSpace(content))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                   && root.TryGetProperty("lat", out var lat) && lat.ValueKind == JsonValueKind.Number && lat.TryGetDouble(out latitude)
                   && root.TryGetProperty("lng", out var lng) && lng.ValueKind == JsonValueKind.Number && lng.TryGetDouble(out longitude);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
