namespace Astegni.Chat.Domain.Common;

/// <summary>A fact an aggregate records; published to other modules only after its transaction commits.</summary>
public interface IDomainEvent;

public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}
