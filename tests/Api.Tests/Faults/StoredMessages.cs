using Astegni.Chat.TestSupport;
using Npgsql;

namespace Astegni.Chat.Api.Tests.Faults;

/// <summary>What the database holds after a crash, read with plain SQL.</summary>
public static class StoredMessages
{
    /// <summary>client_message_id → how many messages carry it.</summary>
    public static async Task<Dictionary<string, long>> CountByClientIdAsync(TestDatabase db)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT client_message_id, count(*) FROM chat_messages WHERE client_message_id IS NOT NULL GROUP BY client_message_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>
    /// Rows a command wrote only part of: a message whose content is not the client id it was sent with,
    /// or a conversation whose last activity is older than its newest message (the send updates both).
    /// </summary>
    public static Task<long> HalfWrittenAsync(TestDatabase db) =>
        db.ScalarAsync<long>("""
            SELECT (SELECT count(*) FROM chat_messages WHERE client_message_id IS NOT NULL AND content IS DISTINCT FROM client_message_id)
                 + (SELECT count(*) FROM conversations c
                    WHERE c.last_message_at IS NULL AND EXISTS (SELECT 1 FROM chat_messages m WHERE m.conversation_id = c.id)
                       OR c.last_message_at < (SELECT max(m.created_at) FROM chat_messages m WHERE m.conversation_id = c.id))
            """);
}
