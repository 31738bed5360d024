using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Calls;

/// <summary>
/// What calls need of the database beyond LINQ (a port, implemented with PostgreSQL row locks): locks held
/// until the command's transaction ends, so two concurrent actions on one call cannot both win (two calls
/// placed at once in one conversation take its lock, <see cref="Abstractions.IRowLocks"/>); and the row-value
/// page position of the call history.
/// </summary>
public interface ICallLogStore
{
    /// <summary>The call, tracked, its row held until the transaction ends; null when there is no such call.</summary>
    Task<CallLog?> LockCallAsync(CallId callId, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> calls still ringing that started at or before <paramref name="startedBy"/>,
    /// oldest first, tracked and held; calls another transaction holds (someone is answering) are skipped.
    /// </summary>
    Task<List<CallLog>> LockRingingCallsAsync(DateTimeOffset startedBy, int limit, CancellationToken cancellationToken);

    /// <summary>Calls that come after (<paramref name="startedAt"/>, <paramref name="callId"/>) in newest-first order.</summary>
    IQueryable<CallLog> Before(DateTimeOffset startedAt, CallId callId);
}
