using System.Text.Json;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Legacy;

/// <summary>
/// The <c>verify</c> command: checks the post-conditions of the upgrade on any database and lists
/// every violation (an empty list means all hold).
/// </summary>
public sealed class UpgradeVerifier(string connectionString)
{
    private static readonly (string Rule, string Sql)[] Checks =
    [
        ("membership keyed by a user that does not exist",
            "SELECT format('conversation_participants %s: user %s', p.id, p.user_id) FROM conversation_participants p LEFT JOIN users u ON u.id = p.user_id WHERE u.id IS NULL"),
        ("message keyed by a user that does not exist",
            "SELECT format('chat_messages %s: sender %s', m.id, m.sender_user_id) FROM chat_messages m LEFT JOIN users u ON u.id = m.sender_user_id WHERE u.id IS NULL"),
        ("reaction keyed by a user that does not exist",
            "SELECT format('message_reactions %s: user %s', r.id, r.user_id) FROM message_reactions r LEFT JOIN users u ON u.id = r.user_id WHERE u.id IS NULL"),
        ("pin keyed by a user that does not exist",
            "SELECT format('chat_messages %s: pinned by %s', m.id, m.pinned_by_user_id) FROM chat_messages m LEFT JOIN users u ON u.id = m.pinned_by_user_id WHERE m.is_pinned AND u.id IS NULL"),
        ("call log keyed by a user that does not exist",
            "SELECT format('call_logs %s: caller %s', l.id, l.caller_user_id) FROM call_logs l LEFT JOIN users u ON u.id = l.caller_user_id WHERE u.id IS NULL"),
        ("block keyed by a user that does not exist",
            "SELECT format('blocked_chat_contacts %s', b.id) FROM blocked_chat_contacts b WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = b.blocker_user_id) OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = b.blocked_user_id)"),
        ("settings keyed by a user that does not exist",
            "SELECT format('chat_settings %s: user %s', s.id, s.user_id) FROM chat_settings s LEFT JOIN users u ON u.id = s.user_id WHERE u.id IS NULL"),
        ("more than one membership of a user in a conversation",
            "SELECT format('conversation %s, user %s: %s memberships', conversation_id, user_id, count(*)) FROM conversation_participants WHERE is_active GROUP BY conversation_id, user_id HAVING count(*) > 1"),
        ("more than one direct conversation for a pair of users",
            """
            SELECT format('users %s and %s: conversations %s', low, high, string_agg(id::text, ', ' ORDER BY id)) FROM (
                SELECT c.id, min(p.user_id) AS low, max(p.user_id) AS high
                  FROM conversations c JOIN conversation_participants p ON p.conversation_id = c.id
                 WHERE c.type IN ('direct', 'notes') GROUP BY c.id) pairs
             GROUP BY low, high HAVING count(*) > 1
            """),
        ("more than one settings row for a user",
            "SELECT format('user %s: %s settings rows', user_id, count(*)) FROM chat_settings GROUP BY user_id HAVING count(*) > 1"),
        ("more than one block for a pair",
            "SELECT format('%s blocks %s: %s rows', blocker_user_id, blocked_user_id, count(*)) FROM blocked_chat_contacts GROUP BY blocker_user_id, blocked_user_id HAVING count(*) > 1"),
    ];

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var catalog = await Catalog.ReadAsync(connection);
        var classification = DatabaseClassification.Of(catalog);
        if (classification.Kind != DatabaseKind.Current)
        {
            return [$"the database is not on this module's schema ({classification.Shape}): run migrate first"];
        }

        var violations = new List<string>();
        foreach (var (rule, sql) in Checks)
        {
            violations.AddRange((await LinesAsync(connection, sql, cancellationToken)).Select(line => $"{rule}: {line}"));
        }

        violations.AddRange(await ReconcileAsync(connection, catalog, cancellationToken));
        return violations;
    }

    /// <summary>The last legacy upgrade's counts add up, and no message it found has gone missing since.</summary>
    private static async Task<IEnumerable<string>> ReconcileAsync(NpgsqlConnection connection, Catalog catalog, CancellationToken cancellationToken)
    {
        var json = (await LinesAsync(connection,
            "SELECT report::text FROM chat_migration_reports WHERE kind = 'legacy' ORDER BY id DESC LIMIT 1", cancellationToken)).SingleOrDefault();
        if (json is null)
        {
            return [];
        }

        var violations = new List<string>();
        using var report = JsonDocument.Parse(json);
        foreach (var table in report.RootElement.GetProperty("tables").EnumerateObject())
        {
            long Read(string name) => table.Value.GetProperty(name).GetInt64();
            if (Read("before") + Read("created") != Read("after") + Read("merged") + Read("orphaned"))
            {
                violations.Add($"row counts do not reconcile for {table.Name}: {table.Value}");
            }
        }

        if (report.RootElement.GetProperty("tables").TryGetProperty("chat_messages", out var messages))
        {
            var aside = catalog.Has("chat_migration_orphan_messages") ? " + (SELECT count(*) FROM chat_migration_orphan_messages)" : string.Empty;
            var now = long.Parse((await LinesAsync(connection, $"SELECT ((SELECT count(*) FROM chat_messages){aside})::text", cancellationToken))[0],
                System.Globalization.CultureInfo.InvariantCulture);
            if (now < messages.GetProperty("before").GetInt64())
            {
                violations.Add($"messages lost: the upgrade found {messages.GetProperty("before").GetInt64()}, now {now} (with those set aside)");
            }
        }

        return violations;
    }

    private static async Task<List<string>> LinesAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
