namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// Blocks by user: the same person blocked from two profiles is one block (the earliest). A block
/// between two profiles of one person blocks nobody and is removed, as are orphans.
/// </summary>
internal sealed class RekeyBlocks : IUpgradeStep
{
    public string Name => "blocks by user";

    public async Task RunAsync(UpgradeContext context)
    {
        var counts = context.Report.Table("blocked_chat_contacts");
        counts.Before = await context.CountAsync("SELECT count(*) FROM blocked_chat_contacts");
        var profiled = context.Catalog.Has("blocked_chat_contacts", "blocker_profile_id");
        var blocker = profiled ? "pg_temp.resolve_user(b.blocker_profile_type, b.blocker_profile_id, b.blocker_user_id)" : "(SELECT u.id FROM users u WHERE u.id = b.blocker_user_id)";
        var blocked = profiled ? "pg_temp.resolve_user(b.blocked_profile_type, b.blocked_profile_id, b.blocked_user_id)" : "(SELECT u.id FROM users u WHERE u.id = b.blocked_user_id)";
        await context.ExecuteAsync($"""
            CREATE TEMP TABLE upgrade_blocks ON COMMIT DROP AS
            SELECT b.id, b.blocker_user_id AS stored_blocker, b.blocked_user_id AS stored_blocked,
                   {blocker} AS blocker_id, {blocked} AS blocked_id, b.blocked_at
              FROM blocked_chat_contacts b
            """);
        await context.ChangeAsync(
            "blocks.rekeyed",
            """
            SELECT count(*) FROM upgrade_blocks WHERE blocker_id IS NOT NULL AND blocked_id IS NOT NULL
               AND (blocker_id IS DISTINCT FROM stored_blocker OR blocked_id IS DISTINCT FROM stored_blocked)
            """,
            """
            UPDATE blocked_chat_contacts b SET blocker_user_id = u.blocker_id, blocked_user_id = u.blocked_id
              FROM upgrade_blocks u
             WHERE b.id = u.id AND u.blocker_id IS NOT NULL AND u.blocked_id IS NOT NULL
               AND (b.blocker_user_id IS DISTINCT FROM u.blocker_id OR b.blocked_user_id IS DISTINCT FROM u.blocked_id)
            """);
        counts.Orphaned = await context.ChangeAsync(
            "blocks.orphans_or_self_removed",
            "SELECT count(*) FROM upgrade_blocks WHERE blocker_id IS NULL OR blocked_id IS NULL OR blocker_id = blocked_id",
            "DELETE FROM blocked_chat_contacts b USING upgrade_blocks u WHERE b.id = u.id AND (u.blocker_id IS NULL OR u.blocked_id IS NULL OR u.blocker_id = u.blocked_id)");
        counts.Merged = await context.ChangeAsync(
            "blocks.duplicates_merged",
            """
            SELECT COALESCE(sum(n - 1), 0) FROM (
                SELECT count(*) AS n FROM upgrade_blocks
                 WHERE blocker_id IS NOT NULL AND blocked_id IS NOT NULL AND blocker_id <> blocked_id
                 GROUP BY blocker_id, blocked_id HAVING count(*) > 1) d
            """,
            """
            DELETE FROM blocked_chat_contacts b
             USING (SELECT id, row_number() OVER (PARTITION BY blocker_user_id, blocked_user_id ORDER BY blocked_at NULLS LAST, id) AS rank
                      FROM blocked_chat_contacts) ranked
             WHERE b.id = ranked.id AND ranked.rank > 1
            """);
    }
}
