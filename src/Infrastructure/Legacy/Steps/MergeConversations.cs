namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// Gives every direct chat its user pair and keeps one per pair. A person's chat with themself (two of
/// their own profiles) becomes their notes. Two direct chats between the same people become one
/// holding both histories; the old id stays as an alias, so links to it still open the conversation.
/// Legacy 'channel' conversations are groups.
/// </summary>
internal sealed class MergeConversations : IUpgradeStep
{
    public string Name => "one conversation per pair";

    public async Task RunAsync(UpgradeContext context)
    {
        var counts = context.Report.Table("conversations");
        counts.Before = await context.CountAsync("SELECT count(*) FROM conversations");

        await context.ChangeAsync(
            "conversations.channel_to_group",
            "SELECT count(*) FROM conversations WHERE type = 'channel'",
            "UPDATE conversations SET type = 'group' WHERE type = 'channel'");
        await context.ChangeAsync(
            "conversations.unknown_type_to_group",
            "SELECT count(*) FROM conversations WHERE type IS NULL OR type NOT IN ('direct', 'group', 'channel', 'notes')",
            "UPDATE conversations SET type = 'group' WHERE type IS NULL OR type NOT IN ('direct', 'group', 'notes')");

        if (context.Catalog.Has("conversations", "created_by_profile_id"))
        {
            await context.ChangeAsync(
                "conversations.creator_resolved",
                """
                SELECT count(*) FROM conversations
                 WHERE created_by_profile_id IS NOT NULL
                   AND pg_temp.resolve_user(created_by_profile_type, created_by_profile_id, NULL) IS NOT NULL
                """ + (context.Catalog.Has("conversations", "created_by_user_id") ? " AND created_by_user_id IS NULL" : string.Empty),
                """
                UPDATE conversations
                   SET created_by_user_id = pg_temp.resolve_user(created_by_profile_type, created_by_profile_id, NULL)
                 WHERE created_by_user_id IS NULL AND created_by_profile_id IS NOT NULL
                """);
        }

        // The people of each one-to-one conversation, after memberships were keyed by user.
        await context.ExecuteAsync("""
            CREATE TEMP TABLE upgrade_pairs ON COMMIT DROP AS
            SELECT c.id, min(p.user_id) AS low_id, max(p.user_id) AS high_id, count(DISTINCT p.user_id) AS people,
                   c.created_at
              FROM conversations c
              JOIN upgrade_participants p ON p.conversation_id = c.id AND p.user_id IS NOT NULL
             WHERE c.type IN ('direct', 'notes')
             GROUP BY c.id, c.created_at
            """);
        await context.AnalyzeAsync("upgrade_pairs");

        await context.ChangeAsync(
            "conversations.self_chats_to_notes",
            "SELECT count(*) FROM upgrade_pairs u JOIN conversations c ON c.id = u.id WHERE u.people = 1 AND c.type = 'direct'",
            "UPDATE conversations c SET type = 'notes' FROM upgrade_pairs u WHERE c.id = u.id AND u.people = 1 AND c.type = 'direct'");
        await context.ChangeAsync(
            "conversations.direct_with_more_than_two_to_group",
            "SELECT count(*) FROM upgrade_pairs WHERE people > 2",
            "UPDATE conversations c SET type = 'group' FROM upgrade_pairs u WHERE c.id = u.id AND u.people > 2");

        // Survivor of each pair: the earliest conversation. Its id keeps all links; the others alias it.
        await context.ExecuteAsync("""
            CREATE TEMP TABLE upgrade_merges ON COMMIT DROP AS
            SELECT id AS merged_id, first_value(id) OVER pair AS survivor_id
              FROM upgrade_pairs
             WHERE people <= 2
            WINDOW pair AS (PARTITION BY low_id, high_id ORDER BY created_at NULLS LAST, id)
            """);
        await context.ExecuteAsync("DELETE FROM upgrade_merges WHERE merged_id = survivor_id");
        await context.AnalyzeAsync("upgrade_merges");
        counts.Merged = await context.CountAsync("SELECT count(*) FROM upgrade_merges");
        context.Report.Add("conversations.duplicate_direct_merged", counts.Merged);
        foreach (var line in await context.LinesAsync(
                     "SELECT format('conversation %s merged into %s', merged_id, survivor_id) FROM upgrade_merges ORDER BY 1"))
        {
            context.Report.Details.Add(line);
        }

        await context.ChangeAsync(
            "messages.moved_by_merge",
            "SELECT count(*) FROM chat_messages m JOIN upgrade_merges u ON m.conversation_id = u.merged_id",
            "UPDATE chat_messages m SET conversation_id = u.survivor_id FROM upgrade_merges u WHERE m.conversation_id = u.merged_id");
        if (!context.DryRun)
        {
            // Only the survivors carry their pair: the unique index holds one conversation per pair.
            await context.ExecuteAsync("""
                UPDATE conversations c SET direct_user_low_id = u.low_id, direct_user_high_id = u.high_id
                  FROM upgrade_pairs u
                 WHERE c.id = u.id AND u.people <= 2 AND u.id NOT IN (SELECT merged_id FROM upgrade_merges)
                   AND (c.direct_user_low_id IS DISTINCT FROM u.low_id OR c.direct_user_high_id IS DISTINCT FROM u.high_id)
                """);
        }

        context.Report.Table("conversation_participants").Merged += await context.CountAsync("""
            SELECT count(*) FROM (SELECT DISTINCT p.conversation_id, p.user_id FROM upgrade_participants p
                                   JOIN upgrade_merges u ON p.conversation_id = u.merged_id WHERE p.user_id IS NOT NULL) m
            """);
        if (context.DryRun || counts.Merged == 0)
        {
            return;
        }

        await context.ExecuteAsync(
            "UPDATE call_logs l SET conversation_id = u.survivor_id FROM upgrade_merges u WHERE l.conversation_id = u.merged_id");
        if (context.Catalog.Has("pinned_messages", "conversation_id"))
        {
            await context.ExecuteAsync(
                "UPDATE pinned_messages l SET conversation_id = u.survivor_id FROM upgrade_merges u WHERE l.conversation_id = u.merged_id");
        }

        // The survivor's memberships take the merged ones' earliest join and latest read.
        await context.ExecuteAsync("""
            UPDATE conversation_participants s
               SET joined_at = LEAST(s.joined_at, m.joined_at),
                   last_read_at = GREATEST(s.last_read_at, m.last_read_at),
                   is_active = COALESCE(s.is_active, TRUE) OR COALESCE(m.is_active, TRUE)
              FROM upgrade_merges u
              JOIN conversation_participants m ON m.conversation_id = u.merged_id
             WHERE s.conversation_id = u.survivor_id AND s.user_id = m.user_id
            """);
        await context.ExecuteAsync("DELETE FROM conversation_participants p USING upgrade_merges u WHERE p.conversation_id = u.merged_id");
        await context.ExecuteAsync("""
            UPDATE conversations s
               SET last_message_at = GREATEST(s.last_message_at, m.last_message_at),
                   created_at = LEAST(s.created_at, m.created_at)
              FROM upgrade_merges u JOIN conversations m ON m.id = u.merged_id
             WHERE s.id = u.survivor_id
            """);
        await context.ExecuteAsync("""
            UPDATE chat_conversation_aliases a SET conversation_id = u.survivor_id
              FROM upgrade_merges u WHERE a.conversation_id = u.merged_id;
            INSERT INTO chat_conversation_aliases (alias_id, conversation_id)
            SELECT merged_id, survivor_id FROM upgrade_merges;
            DELETE FROM conversations c USING upgrade_merges u WHERE c.id = u.merged_id;
            """);
    }
}
