using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using Astegni.Chat.Domain.Common;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Events.Outbox;

/// <summary>
/// What an outbox row holds and how it reads back: a notification as its own JSON, or a hub push (recipients,
/// event name and the payload serialized with the hub's settings, so it goes out byte for byte as the hub would
/// have written it). Rows live for milliseconds, so the format only has to survive a restart of the same version.
/// </summary>
public sealed class OutboxSerializer(IOptions<OutboxOptions> options)
{
    public const string NotificationPrefix = "notification:";
    public const string PushType = "push";

    private static readonly JsonSerializerOptions NotificationJson = new(JsonSerializerDefaults.General);

    private static readonly FrozenDictionary<string, Type> NotificationTypes = typeof(ChatNotification).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(ChatNotification)))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    private readonly JsonSerializerOptions _hubJson = options.Value.HubJson;

    public static OutboxEntry Notification(ChatNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var type = notification.GetType();
        return new OutboxEntry(NotificationPrefix + type.Name, JsonSerializer.Serialize(notification, type, NotificationJson));
    }

    public OutboxEntry Push(IReadOnlyCollection<UserId> recipients, string eventName, object payload)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(payload);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("recipients");
            foreach (var recipient in recipients)
            {
                writer.WriteNumberValue(recipient.Value);
            }

            writer.WriteEndArray();
            writer.WriteString("event", eventName);
            writer.WritePropertyName("payload");
            JsonSerializer.Serialize(writer, payload, payload.GetType(), _hubJson);
            writer.WriteEndObject();
        }

        return new OutboxEntry(PushType, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>The notification a row holds, with its id; null when the row is not a notification this version knows.</summary>
    public static ChatNotification? ReadNotification(ClaimedOutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.Type.StartsWith(NotificationPrefix, StringComparison.Ordinal)
            || !NotificationTypes.TryGetValue(entry.Type[NotificationPrefix.Length..], out var type))
        {
            return null;
        }

        return (ChatNotification?)JsonSerializer.Deserialize(entry.Payload, type, NotificationJson);
    }

    public static HubPush ReadPush(ClaimedOutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var document = JsonDocument.Parse(entry.Payload);
        var root = document.RootElement;
        var recipients = root.GetProperty("recipients").EnumerateArray().Select(r => new UserId(r.GetInt32())).ToList();
        return new HubPush(recipients, root.GetProperty("event").GetString()!, root.GetProperty("payload").Clone());
    }
}

/// <summary>A hub event for some users, its payload already in the hub's JSON.</summary>
public sealed record HubPush(IReadOnlyList<UserId> Recipients, string EventName, JsonElement Payload);
