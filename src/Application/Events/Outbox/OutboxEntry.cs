namespace Astegni.Chat.Application.Events.Outbox;

/// <summary>
/// One row of the outbox, as the unit of work writes it: <see cref="Type"/> says what <see cref="Payload"/> (JSON) is,
/// a notification (<see cref="OutboxSerializer.NotificationPrefix"/> and its type name) or a hub push
/// (<see cref="OutboxSerializer.PushType"/>).
/// </summary>
public sealed record OutboxEntry(string Type, string Payload);

/// <summary>A row the dispatcher claimed; <see cref="Attempts"/> counts this attempt.</summary>
public sealed record ClaimedOutboxEntry(long Id, string Type, string Payload, int Attempts);
