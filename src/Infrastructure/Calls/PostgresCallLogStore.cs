using Astegni.Chat.Application.Calls;
using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Infrastructure.Calls;

/// <summary>
/// <see cref="ICallLogStore"/> with PostgreSQL row locks, taken inside the command's transaction and released
/// by its commit or rollback. <c>FOR NO KEY UPDATE</c> makes lockers (and writers of the row) wait for each
/// other but not foreign key checks: messages keep flowing into a conversation while a call starts in it.
/// </summary>
internal sealed class PostgresCallLogStore(ChatDbContext db) : ICallLogStore
{
    public Task LockConversationAsync(ConversationId conversationId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM conversations WHERE id = {conversationId.Value} FOR NO KEY UPDATE", cancellationToken);

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
