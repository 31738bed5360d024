namespace Astegni.Chat.Infrastructure.Outbox;

/// <summary>This running service among others on the same database: the outbox rows its commands write are its own to publish.</summary>
public sealed class OutboxInstance
{
    public Guid Id { get; } = Guid.NewGuid();
}
