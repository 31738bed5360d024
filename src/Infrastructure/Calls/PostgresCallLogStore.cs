using Astegni.Chat.Application.Calls;
using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Infrastructure.Calls;

/// <summary>
/// <see cref="ICallLogStore"/> with PostgreSQL row locks, taken inside the command's transaction and released
/// by its commit or rollback, the same way as <see cref="PostgresRowLocks"/>: <c>FOR NO KEY UPDATE</c>.
/// </summary>
internal sealed class PostgresCallLogStore(ChatDbContext db) : ICallLogStore
{
    public async Task<CallLog?> LockCallAsync(CallId callId, CancellationToken cancellationToken) =>
        (await db.CallLogs
            .FromSql($"SELECT * FROM call_logs WHERE id = {callId.Value} FOR NO KEY UPDATE")
            .ToListAsync(cancellationToken))
        .FirstOrDefault();

    public Task<List<CallLog>> LockRingingCallsAsync(DateTimeOffset startedBy, int limit, CancellationToken cancellationToken) =>
        db.CallLogs
            .FromSql($"""
                SELECT * FROM call_logs
                 WHERE status IN ('ringing', 'initiated') AND started_at <= {startedBy}
                 ORDER BY started_at, id
                 LIMIT {limit}
                 FOR NO KEY UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);

    public IQueryable<CallLog> Before(DateTimeOffset startedAt, CallId callId) =>
        db.CallLogs.FromSql($"SELECT * FROM call_logs WHERE (started_at, id) < ({startedAt}, {callId.Value})");
}
