namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>Reactions by user: one per person and message (their latest), orphans removed.</summary>
internal sealed class RekeyReactions : IUpgradeStep
{
    public string Name => "reactions by user";

    public async Task RunAsync(UpgradeContext context)
    {
        if (!context.Catalog.Has("message_reactions", "message_id"))
        {
            return;
        }

        var counts = context.Report.Table("message_reactions");
        counts.Before = await context.CountAsync("SELECT count(*) FROM message_reactions");
        var resolved = context.Catalog.Has("message_reactions", "profile_id")
            ? "pg_temp.resolve_user(r.profile_type, r.profile_id, r.user_id)"
            : "(SELECT u.id FROM users u WHERE u.id = r.user_id)";
        await context.ExecuteAsync($"""
            CREATE TEMP TABLE upgrade_reactions ON COMMIT DROP AS
            SELECT r.id, r.message_id, r.user_id AS stored_user_id, {resolved} AS user_id, r.created_at
              FROM message_reactions r
            """);
        await context.ChangeAsync(
            "reactions.rekeyed",
            "SELECT count(*) FROM upgrade_reactions WHERE user_id IS NOT NULL AND user_id IS DISTINCT FROM stored_user_id",
            "UPDATE message_reactions r SET user_id = u.user_id FROM upgrade_reactions u WHERE r.id = u.id AND u.user_id IS NOT NULL AND r.user_id IS DISTINCT FROM u.user_id");
        counts.Orphaned = await context.ChangeAsync(
            "reactions.orphans_removed",
            "SELECT count(*) FROM upgrade_reactions WHERE user_id IS NULL",
            "DELETE FROM message_reactions r USING upgrade_reactions u WHERE r.id = u.id AND u.user_id IS NULL");
        counts.Merged = await context.ChangeAsync(
            "reactions.duplicates_merged",
            """
            SELECT COALESCE(sum(n - 1), 0) FROM (
                SELECT count(*) AS n FROM upgrade_reactions WHERE user_id IS NOT NULL GROUP BY message_id, user_id HAVING count(*) > 1) d
            """,
            """
            DELETE FROM message_reactions r
             USING (SELECT id, row_number() OVER (PARTITION BY message_id, user_id ORDER BY created_at DESC NULLS LAST, id DESC) AS rank
                      FROM message_reactions) ranked
             WHERE r.id = ranked.id AND ranked.rank > 1
            """);
    }
}
