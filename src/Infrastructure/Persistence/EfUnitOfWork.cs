using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Astegni.Chat.Infrastructure.Persistence;

internal sealed class EfUnitOfWork(ChatDbContext db) : IUnitOfWork
{
    private IDbContextTransaction? _transaction;

    public bool HasActiveTransaction => _transaction is not null;

    public async Task BeginAsync(CancellationToken cancellationToken) =>
        _transaction = await db.Database.BeginTransactionAsync(cancellationToken);

    public async Task<IReadOnlyList<IDomainEvent>> CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No transaction to commit.");
        await db.SaveChangesAsync(cancellationToken);
        var events = TakeDomainEvents();
        await transaction.CommitAsync(cancellationToken);
        await EndAsync();
        return events;
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync(cancellationToken);
            await EndAsync();
        }

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
