using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Astegni.Chat.Infrastructure.Persistence;

internal sealed class EfUnitOfWork(ChatDbContext db, CommandOutbox outbox, OutboxInstance instance) : IUnitOfWork
{
    private IDbContextTransaction? _transaction;

    public bool HasActiveTransaction => _transaction is not null;

    public async Task BeginAsync(CancellationToken cancellationToken) =>
        _transaction = await db.Database.BeginTransactionAsync(cancellationToken);

    public async Task<int> CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No transaction to commit.");

        // Saved first: the notifications name the ids the database gives new rows.
        await db.SaveChangesAsync(cancellationToken);
        var entries = outbox.TakeEntries(TakeDomainEvents());
        if (entries.Count > 0)
        {
            var records = entries.Select(e => new OutboxRecord(e.Type, e.Payload, instance.Id)).ToList();
            db.Outbox.AddRange(records);
            await db.SaveChangesAsync(cancellationToken);
            records.ForEach(r => db.Entry(r).State = EntityState.Detached);
        }

        await transaction.CommitAsync(cancellationToken);
        await EndAsync();
        return entries.Count;
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync(cancellationToken);
            await EndAsync();
        }

        outbox.Clear();
        db.ChangeTracker.Clear();
    }

    private List<IDomainEvent> TakeDomainEvents()
    {
        var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList();
        var events = aggregates.SelectMany(a => a.DomainEvents).ToList();
        aggregates.ForEach(a => a.ClearDomainEvents());
        return events;
    }

    private async Task EndAsync()
    {
        await _transaction!.DisposeAsync();
        _transaction = null;
    }
}
