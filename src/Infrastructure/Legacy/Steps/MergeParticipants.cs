namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// Keys memberships by user. One person present twice in a conversation (through two profiles)
/// becomes one membership: admin if either was, the earliest join, the latest read position,
/// active if either is. Memberships whose profile resolves to nobody are orphans and removed.
/// </summary>
internal sealed class MergeParticipants : IUpgradeStep
{
    public string Name => "memberships by user";

    public async Task RunAsync(UpgradeContext context)
    {
        var counts = context.Report.Table("conversation_participants");
        counts.Before = await context.CountAsync("SELECT count(*) FROM conversation_participants");
        var profiled = context.Catalog.Has("conversation_participants", "profile_id");
        var resolved = profiled ? "pg_temp.resolve_user(p.profile_type, p.profile_id, p.user_id)" : "(SELECT u.id FROM users u WHERE u.id = p.user_id)";

        await context.ExecuteAsync($"""
            CREATE TEMP TABLE upgrade_participants ON COMMIT DROP AS
            SELECT p.id, p.conversation_id, p.user_id AS stored_user_id, {resolved} AS user_id
              FROM conversation_participants p
            """);
        await context.AnalyzeAsync("upgrade_participants");

        await context.ChangeAsync(
            "participants.rekeyed",
            "SELECT count(*) FROM upgrade_participants WHERE user_id IS NOT NULL AND user_id IS DISTINCT FROM stored_user_id",
            """
            UPDATE conversation_participants p SET user_id = u.user_id
              FROM upgrade_participants u
             WHERE p.id = u.id AND u.user_id IS NOT NULL AND p.user_id IS DISTINCT FROM u.user_id
            """);

        counts.Orphaned = await context.ChangeAsync(
            "participants.orphans_removed",
            "SELECT count(*) FROM upgrade_participants WHERE user_id IS NULL",
            "DELETE FROM conversation_participants p USING upgrade_participants u WHERE p.id = u.id AND u.user_id IS NULL");

        counts.Merged = await context.ChangeAsync(
            "participants.duplicates_merged",
            """
            SELECT COALESCE(sum(n - 1), 0) FROM (
                SELECT count(*) AS n FROM upgrade_participants WHERE user_id IS NOT NULL
                 GROUP BY conversation_id, user_id HAVING count(*) > 1) d
            """,
            """
            WITH duplicates AS (
                SELECT conversation_id, user_id,
                       (array_agg(id ORDER BY joined_at NULLS LAST, id))[1] AS keep_id,
                       bool_or(role = 'admin') AS any_admin,
                       bool_or(COALESCE(is_active, TRUE)) AS any_active,
                       min(joined_at) AS first_joined,
                       max(last_read_at) AS last_read_at,
                       max(last_read_message_id) AS last_read_message_id,
                       bool_or(COALESCE(is_muted, FALSE)) AS any_muted,
                       bool_or(COALESCE(is_pinned, FALSE)) AS any_pinned,
                       CASE WHEN bool_or(chat_cleared_at IS NULL) THEN NULL ELSE min(chat_cleared_at) END AS cleared_at
                  FROM conversation_participants
                 GROUP BY conversation_id, user_id
                HAVING count(*) > 1),
            kept AS (
                UPDATE conversation_participants p
                   SET role = CASE WHEN d.any_admin THEN 'admin' ELSE 'member' END,
                       is_active = d.any_active,
                       left_at = CASE WHEN d.any_active THEN NULL ELSE p.left_at END,
                       joined_at = d.first_joined,
                       last_read_at = d.last_read_at,
                       last_read_message_id = d.last_read_message_id,
                       is_muted = d.any_muted,
                       is_pinned = d.any_pinned,
                       chat_cleared_at = d.cleared_at
                  FROM duplicates d
                 WHERE p.id = d.keep_id
                RETURNING p.id)
            DELETE FROM conversation_participants p
             USING duplicates d
             WHERE p.conversation_id = d.conversation_id AND p.user_id = d.user_id AND p.id <> d.keep_id
            """);
    }
}
