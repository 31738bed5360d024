using Astegni.Chat.Application.Events.Outbox;

namespace Astegni.Chat.Application.Abstractions;

/// <summary>
/// The outbox table, for its dispatcher. Rows are written by the unit of work in the command's own transaction;
/// here they are claimed, then deleted once published or put back for a later attempt.
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// Takes up to <paramref name="maxEntries"/> due rows, oldest first, and hides them from every other claim for
    /// <paramref name="claimTimeout"/> (rows another dispatcher is claiming right now are skipped, not waited for).
    /// A dispatcher that dies holding them only delays them: once the claim times out they are due again.
    /// </summary>
    Task<IReadOnlyList<ClaimedOutboxEntry>> ClaimAsync(int maxEntries, TimeSpan claimTimeout, CancellationToken cancellationToken);

    /// <summary>Removes rows that were published (or given up on).</summary>
    Task DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Makes a row that failed due again after <paramref name="delay"/>.</summary>
    Task RetryLaterAsync(long id, TimeSpan delay, CancellationToken cancellationToken);
}
