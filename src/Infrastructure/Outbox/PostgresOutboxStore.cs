using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Outbox;

/// <summary>
/// <c>chat_outbox</c> for the dispatcher. A claim moves the rows' <c>available_at</c> past the claim timeout in the
/// same statement that selects them (<c>FOR UPDATE SKIP LOCKED</c>), so several dispatchers, in one process or
/// many, never take the same row at once and none waits for another; and no transaction stays open while
/// the rows are published.
/// </summary>
/// <remarks>
/// A row nobody tried yet is left to the instance that wrote it for <see cref="OutboxOptions.TakeoverDelay"/>: that
/// instance was woken by the commit and is publishing it now, and only it has the hub connections of the command's
/// caller when no backplane joins the instances. After that (its writer died), anyone takes it.
/// </remarks>
internal sealed class PostgresOutboxStore(ChatDbContext db, OutboxInstance instance, IOptions<OutboxOptions> options) : IOutboxStore
{
    private const string ClaimSql = """
        UPDATE chat_outbox AS o
           SET available_at = now() + $2, attempts = o.attempts + 1
          FROM (SELECT id FROM chat_outbox
                 WHERE available_at <= now() AND (attempts > 0 OR written_by = $3 OR available_at <= now() - $4)
                 ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) AS due
         WHERE o.id = due.id
        RETURNING o.id, o.type, o.payload, o.attempts
        """;

    public async Task<IReadOnlyList<ClaimedOutboxEntry>> ClaimAsync(int maxEntries, TimeSpan claimTimeout, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(ClaimSql, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.AddWithValue(maxEntries);
            command.Parameters.AddWithValue(claimTimeout);
            command.Parameters.AddWithValue(instance.Id);
            command.Parameters.AddWithValue(options.Value.TakeoverDelay);
            var claimed = new List<ClaimedOutboxEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new ClaimedOutboxEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
            }

            return claimed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count > 0)
        {
            var idArray = ids.ToArray();
            await db.Database.ExecuteSqlAsync($"DELETE FROM chat_outbox WHERE id = ANY({idArray})", cancellationToken);
        }
    }

    public async Task RetryLaterAsync(long id, TimeSpan delay, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"UPDATE chat_outbox SET available_at = now() + {delay} WHERE id = {id}", cancellationToken);
}
