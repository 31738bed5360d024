using Npgsql;
using NpgsqlTypes;

namespace Astegni.Chat.Benchmarks;

/// <summary>
/// (c) The ceiling for (a): the same rows written by the same number of workers, as the minimal SQL
/// transaction a send needs (insert the message, bump the conversation), straight through Npgsql with
/// a connection from the pool per send — no HTTP, no auth, no checks, no EF Core, no push.
/// </summary>
public static class CeilingBenchmark
{
    private const string InsertMessage = """
        INSERT INTO chat_messages (conversation_id, sender_user_id, message_type, content, is_edited, is_deleted,
                                   is_forwarded, deleted_for_everyone, is_pinned, created_at, updated_at)
        VALUES ($1, $2, 'text', $3, FALSE, FALSE, FALSE, FALSE, FALSE, $4, $4)
        RETURNING id
        """;

    private const string TouchConversation = "UPDATE conversations SET last_message_at = $2, updated_at = $2 WHERE id = $1";

    public static async Task<LoadResult> RunAsync(BenchDatabase database, SendFixture fixture, BenchOptions options, CpuMonitor? cpu)
    {
        // A pool of its own, configured like the service's (the same connection string).
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        return await LoadRunner.RunAsync(options.Concurrency, options.LoadWarmup, options.Duration, cpu, async (worker, sequence) =>
        {
            var pair = fixture.Senders[worker];
            var now = DateTime.UtcNow;
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var insert = new NpgsqlCommand(InsertMessage, connection, transaction))
            {
                insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pair.ConversationId });
                insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pair.SenderId });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"Ceiling message {sequence} from sender {worker}, plain text." });
                insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                await insert.ExecuteScalarAsync();
            }

            await using (var update = new NpgsqlCommand(TouchConversation, connection, transaction))
            {
                update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pair.ConversationId });
                update.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                await update.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        });
    }
}
