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
        var claimed = new List<ClaimedOutboxEntry>();
        await RunAsync(
            new NpgsqlBatchCommand(ClaimSql)
            {
                Parameters =
                {
                    new() { Value = maxEntries },
                    new() { Value = claimTimeout },
                    new() { Value = instance.Id },
                    new() { Value = options.Value.TakeoverDelay },
                },
            },
            async reader =>
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    claimed.Add(new ClaimedOutboxEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
                }
            },
            cancellationToken);
        return claimed;
    }

    public async Task DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count > 0)
        {
            await RunAsync(
                new NpgsqlBatchCommand("DELETE FROM chat_outbox WHERE id = ANY($1)") { Parameters = { new() { Value = ids.ToArray() } } },
                _ => Task.CompletedTask,
                cancellationToken);
        }
    }

    public Task RetryLaterAsync(long id, TimeSpan delay, CancellationToken cancellationToken) =>
        RunAsync(
            new NpgsqlBatchCommand("UPDATE chat_outbox SET available_at = now() + $2 WHERE id = $1")
            {
                Parameters = { new() { Value = id }, new() { Value = delay } },
            },
            _ => Task.CompletedTask,
            cancellationToken);

    /// <summary>
    /// Runs one statement in a transaction of its own that does not wait for its WAL to reach the disk, all in one
    /// round trip. The bookkeeping needs no durability: a claim or a delete lost in a crash only means a row is
    /// published once more, which at-least-once delivery allows; waiting for the disk would add a flush to every
    /// command's answer.
    /// </summary>
    private async Task RunAsync(NpgsqlBatchCommand statement, Func<NpgsqlDataReader, Task> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("BEGIN"),
                    new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"),
                    statement,
                    new NpgsqlBatchCommand("COMMIT"),
                },
            };
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            // BEGIN and SET return no rows; the statement's rows come in the first result set that has columns.
            while (reader.FieldCount == 0 && await reader.NextResultAsync(cancellationToken))
            {
            }

            await read(reader);
            while (await reader.NextResultAsync(cancellationToken))
            {
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
