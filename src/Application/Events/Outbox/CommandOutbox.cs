using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Events.Outbox;

/// <summary>
/// What the current command leaves to be told once it commits. A handler queues the hub pushes it already has
/// the data for (<see cref="Push"/>), instead of a push handler reading again what the command just wrote; the
/// unit of work adds the notifications of the command's domain events and writes it all in the command's own
/// transaction. A command that is refused or fails leaves nothing here.
/// </summary>
public sealed class CommandOutbox(OutboxSerializer serializer)
{
    private readonly List<OutboxEntry> _queued = [];

    /// <summary>Sends <paramref name="eventName"/> with <paramref name="payload"/> to <paramref name="recipients"/>' open hub connections after the commit.</summary>
    public void Push(IReadOnlyCollection<UserId> recipients, string eventName, object payload)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count > 0)
        {
            _queued.Add(serializer.Push(recipients, eventName, payload));
        }
    }

    /// <summary>
    /// Tells <paramref name="notification"/> after the commit, as if a domain event of the command had raised it: for a
    /// command that relays what someone else stored (the legacy backend's writes), which raises no domain events.
    /// </summary>
    public void Notify(ChatNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        _queued.Add(OutboxSerializer.Notification(notification with { NotificationId = Guid.CreateVersion7() }));
    }

    /// <summary>
    /// The rows to write before the commit, in order: the notifications of <paramref name="domainEvents"/> (each with a
    /// new id), then the queued pushes and notifications. Empties the queue.
    /// </summary>
    public IReadOnlyList<OutboxEntry> TakeEntries(IEnumerable<IDomainEvent> domainEvents)
    {
        ArgumentNullException.ThrowIfNull(domainEvents);
        var entries = domainEvents
            .Select(DomainEventNotifications.From)
            .OfType<ChatNotification>()
            .Select(n => OutboxSerializer.Notification(n with { NotificationId = Guid.CreateVersion7() }))
            .ToList();
        entries.AddRange(_queued);
        _queued.Clear();
        return entries;
    }

    /// <summary>Forgets what was queued (the command rolled back).</summary>
    public void Clear() => _queued.Clear();
}
