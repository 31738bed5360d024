using Astegni.Chat.Application.Calls;
using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Infrastructure.Calls;

/// <summary>
/// <see cref="ICallLogStore"/> with PostgreSQL row locks (<c>FOR UPDATE</c>), taken inside the command's
/// transaction and released by its commit or rollback.
/// </summary>
internal sealed class PostgresCallLogStore(ChatDbContext db) : ICallLogStore
{
    public Task LockConversationAsync(ConversationId conversationId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM conversations WHERE id = {conversationId.Value} FOR UPDATE", cancellationToken);

    public async Task<CallLog?> LockCallAsync(CallId callId, CancellationToken cancellationToken) =>
        (await db.CallLogs
            .FromSql($"SELECT * FROM call_logs WHERE id = {callId.Value} FOR UPDATE")
            .ToListAsync(cancellationToken))
        .FirstOrDefault();

    public Task<List<CallLog>> LockRingingCallsAsync(DateTimeOffset startedBy, int limit, CancellationToken cancellationToken) =>
        db.CallLogs
            .FromSql($"""
                SELECT * FROM call_logs
                 WHERE status IN ('ringing', 'initiated') AND started_at <= {startedBy}
                 ORDER BY started_at, id
                 LIMIT {limit}
                 FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);

    public IQueryable<CallLog> Before(DateTimeOffset startedAt, CallId callId) =>
        db.CallLogs.FromSql($"SELECT * FROM call_logs WHERE (started_at, id) < ({startedAt}, {callId.Value})");
}
