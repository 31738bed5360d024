namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// Keys messages, pins and per-user deletions by user. Nothing a person wrote is lost: a message
/// whose sender resolves to nobody is moved, whole, to <c>chat_migration_orphan_messages</c> and
/// reported. Types the legacy backend invented ('session_request') become system messages.
/// </summary>
internal sealed class RekeyMessages : IUpgradeStep
{
    private const string KnownTypes = "('text', 'image', 'file', 'audio', 'video', 'location', 'gif', 'system')";

    public string Name => "messages by user";

    public async Task RunAsync(UpgradeContext context)
    {
        var counts = context.Report.Table("chat_messages");
        counts.Before = await context.CountAsync("SELECT count(*) FROM chat_messages");
        var catalog = context.Catalog;
        var sender = catalog.Has("chat_messages", "sender_profile_id")
            ? "pg_temp.resolve_user(m.sender_profile_type, m.sender_profile_id, m.sender_user_id)"
            : "(SELECT u.id FROM users u WHERE u.id = m.sender_user_id)";

        // Only rows whose stored user disagrees with their profile are rewritten.
        await context.ExecuteAsync($"""
            CREATE TEMP TABLE upgrade_senders ON COMMIT DROP AS
            SELECT m.id, {sender} AS user_id FROM chat_messages m
             WHERE m.sender_user_id IS NULL
                OR m.sender_user_id IS DISTINCT FROM {sender}
            """);
        await context.AnalyzeAsync("upgrade_senders");
        await context.ChangeAsync(
            "messages.sender_rekeyed",
            "SELECT count(*) FROM upgrade_senders WHERE user_id IS NOT NULL",
            "UPDATE chat_messages m SET sender_user_id = s.user_id FROM upgrade_senders s WHERE m.id = s.id AND s.user_id IS NOT NULL");

        counts.Orphaned = await context.CountAsync("SELECT count(*) FROM upgrade_senders WHERE user_id IS NULL");
        context.Report.Add("messages.orphans_preserved_aside", counts.Orphaned);
        if (!context.DryRun && counts.Orphaned > 0)
        {
            await context.ExecuteAsync("""
                CREATE TABLE IF NOT EXISTS chat_migration_orphan_messages AS SELECT * FROM chat_messages WITH NO DATA;
                INSERT INTO chat_migration_orphan_messages
                SELECT m.* FROM chat_messages m JOIN upgrade_senders s ON s.id = m.id AND s.user_id IS NULL;
                UPDATE chat_messages m SET reply_to_id = NULL
                  FROM upgrade_senders s WHERE m.reply_to_id = s.id AND s.user_id IS NULL;
                UPDATE chat_messages m SET forwarded_from_id = NULL
                  FROM upgrade_senders s WHERE m.forwarded_from_id = s.id AND s.user_id IS NULL;
                DELETE FROM chat_messages m USING upgrade_senders s WHERE m.id = s.id AND s.user_id IS NULL;
                """);
        }

        await context.ChangeAsync(
            "messages.session_request_to_system",
            "SELECT count(*) FROM chat_messages WHERE message_type = 'session_request'",
            "UPDATE chat_messages SET message_type = 'system' WHERE message_type = 'session_request'");
        await context.ChangeAsync(
            "messages.unknown_type_to_system",
            $"SELECT count(*) FROM chat_messages WHERE message_type IS NULL OR message_type NOT IN {KnownTypes} AND message_type <> 'session_request'",
            $"UPDATE chat_messages SET message_type = CASE WHEN content IS NULL THEN 'system' ELSE 'text' END WHERE message_type IS NULL OR message_type NOT IN {KnownTypes}");

        if (catalog.Has("chat_messages", "pinned_by_profile_id"))
        {
            await context.ChangeAsync(
                "messages.pins_rekeyed",
                "SELECT count(*) FROM chat_messages WHERE is_pinned AND pinned_by_profile_id IS NOT NULL"
                + (catalog.Has("chat_messages", "pinned_by_user_id") ? " AND pinned_by_user_id IS NULL" : string.Empty),
                """
                UPDATE chat_messages SET pinned_by_user_id = pg_temp.resolve_user(pinned_by_profile_type, pinned_by_profile_id, NULL)
                 WHERE is_pinned AND pinned_by_profile_id IS NOT NULL AND pinned_by_user_id IS NULL
                """);
        }

        if (catalog.Has("pinned_messages", "message_id"))
        {
            await context.ChangeAsync(
                "messages.pins_from_pinned_messages",
                "SELECT count(*) FROM pinned_messages pm JOIN chat_messages m ON m.id = pm.message_id WHERE NOT COALESCE(m.is_pinned, FALSE)",
                """
                UPDATE chat_messages m
                   SET is_pinned = TRUE, pinned_at = COALESCE(m.pinned_at, pm.pinned_at),
                       pinned_by_user_id = COALESCE(m.pinned_by_user_id, (SELECT u.id FROM users u WHERE u.id = pm.pinned_by_user_id))
                  FROM pinned_messages pm
                 WHERE m.id = pm.message_id AND NOT COALESCE(m.is_pinned, FALSE)
                """);
        }

        // A legacy pin that does not say who pinned it is credited to the message's author.
        await context.ChangeAsync(
            "messages.pins_without_pinner_credited_to_author",
            "SELECT count(*) FROM chat_messages WHERE is_pinned"
            + (catalog.Has("chat_messages", "pinned_by_profile_id") ? " AND (pinned_by_profile_id IS NULL OR pg_temp.resolve_user(pinned_by_profile_type, pinned_by_profile_id, NULL) IS NULL)" : string.Empty)
            + (catalog.Has("chat_messages", "pinned_by_user_id") ? " AND pinned_by_user_id IS NULL" : string.Empty),
            "UPDATE chat_messages SET pinned_by_user_id = sender_user_id WHERE is_pinned AND pinned_by_user_id IS NULL");

        await context.ChangeAsync(
            "messages.forward_authors_resolved",
            "SELECT count(*) FROM chat_messages WHERE forwarded_from_id IS NOT NULL"
            + (catalog.Has("chat_messages", "forwarded_from_user_id") ? " AND forwarded_from_user_id IS NULL" : string.Empty),
            """
            UPDATE chat_messages m SET is_forwarded = TRUE, forwarded_from_user_id = o.sender_user_id
              FROM chat_messages o
             WHERE o.id = m.forwarded_from_id AND m.forwarded_from_user_id IS NULL
            """);

        if (catalog.Has("chat_messages", "deleted_for_user_ids"))
        {
            // "Deleted for me" lists become one row per user; the legacy column stays for the old backend.
            const string hidden = """
                SELECT m.id AS message_id, e.value::integer AS user_id, COALESCE(m.deleted_at, m.updated_at, m.created_at) AS deleted_at
                  FROM chat_messages m
                 CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(m.deleted_for_user_ids::jsonb, '[]'::jsonb)) e
                 WHERE m.deleted_for_user_ids IS NOT NULL AND e.value ~ '^[0-9]+$'
                   AND EXISTS (SELECT 1 FROM users u WHERE u.id = e.value::integer)
                """;
            var created = await context.ChangeAsync(
                "messages.deleted_for_me_rows",
                $"SELECT count(*) FROM ({hidden}) h" + (!catalog.Has("chat_message_deletions") ? string.Empty
                    : " WHERE NOT EXISTS (SELECT 1 FROM chat_message_deletions d WHERE d.message_id = h.message_id AND d.user_id = h.user_id)"),
                $"INSERT INTO chat_message_deletions (message_id, user_id, deleted_at) {hidden} ON CONFLICT DO NOTHING");
            context.Report.Table("chat_message_deletions").Created += created;
        }
    }
}
