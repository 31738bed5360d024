namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// One settings row per user. Where a person had one row per profile, the most restrictive privacy
/// value wins (none over connections over everyone; hidden over shown) and the most recently updated
/// row's preferences (notifications, appearance, language) stay. A value no version of Astegni
/// defined is read as 'connections': the person chose something other than the open default.
/// </summary>
internal sealed class MergeSettings : IUpgradeStep
{
    private static readonly string[] Audiences = ["who_can_message", "allow_calls_from", "allow_group_adds", "allow_channel_adds"];
    private static readonly string[] Visibilities = ["last_seen_visibility", "profile_photo_visibility", "about_visibility", "groups_visibility"];

    // Booleans whose 'false' is the private choice, and those whose 'true' is.
    private static readonly string[] SharedWhenTrue = ["online_status", "read_receipts", "typing_indicators"];
    private static readonly string[] PrivateWhenTrue = ["disable_forwarding", "block_screenshots", "hide_phone_number", "hide_email"];

    public string Name => "one settings row per user";

    public async Task RunAsync(UpgradeContext context)
    {
        var catalog = context.Catalog;
        var counts = context.Report.Table("chat_settings");
        counts.Before = await context.CountAsync("SELECT count(*) FROM chat_settings");
        var resolved = catalog.Has("chat_settings", "profile_id")
            ? "pg_temp.resolve_user(s.profile_type, s.profile_id, s.user_id)"
            : "(SELECT u.id FROM users u WHERE u.id = s.user_id)";
        await context.ExecuteAsync($"""
            CREATE TEMP TABLE upgrade_settings ON COMMIT DROP AS
            SELECT s.id, s.user_id AS stored_user_id, {resolved} AS user_id FROM chat_settings s
            """);
        await context.ChangeAsync(
            "settings.rekeyed",
            "SELECT count(*) FROM upgrade_settings WHERE user_id IS NOT NULL AND user_id IS DISTINCT FROM stored_user_id",
            "UPDATE chat_settings s SET user_id = u.user_id FROM upgrade_settings u WHERE s.id = u.id AND u.user_id IS NOT NULL AND s.user_id IS DISTINCT FROM u.user_id");
        counts.Orphaned = await context.ChangeAsync(
            "settings.orphans_removed",
            "SELECT count(*) FROM upgrade_settings WHERE user_id IS NULL",
            "DELETE FROM chat_settings s USING upgrade_settings u WHERE s.id = u.id AND u.user_id IS NULL");

        var audiences = Audiences.Where(c => catalog.Has("chat_settings", c)).ToList();
        var visibilities = Visibilities.Where(c => catalog.Has("chat_settings", c)).ToList();
        foreach (var column in audiences)
        {
            await NormalizeAsync(context, column, "('everyone', 'connections', 'none')");
        }

        foreach (var column in visibilities)
        {
            await NormalizeAsync(context, column, "('everyone', 'connections', 'nobody')");
        }

        var merged = audiences.Select(c => $"{c} = {Strictest(c, "none")}")
            .Concat(visibilities.Select(c => $"{c} = {Strictest(c, "nobody")}"))
            .Concat(SharedWhenTrue.Where(c => catalog.Has("chat_settings", c)).Select(c => $"{c} = (SELECT bool_and(COALESCE(x.{c}, TRUE)) FROM chat_settings x WHERE x.user_id = s.user_id)"))
            .Concat(PrivateWhenTrue.Where(c => catalog.Has("chat_settings", c)).Select(c => $"{c} = (SELECT bool_or(COALESCE(x.{c}, FALSE)) FROM chat_settings x WHERE x.user_id = s.user_id)"));

        counts.Merged = await context.ChangeAsync(
            "settings.duplicates_merged",
            "SELECT COALESCE(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM upgrade_settings WHERE user_id IS NOT NULL GROUP BY user_id HAVING count(*) > 1) d",
            $"""
            CREATE TEMP TABLE upgrade_settings_keep ON COMMIT DROP AS
            SELECT DISTINCT ON (user_id) id, user_id FROM chat_settings
             WHERE user_id IN (SELECT user_id FROM chat_settings GROUP BY user_id HAVING count(*) > 1)
             ORDER BY user_id, updated_at DESC NULLS LAST, id DESC;
            UPDATE chat_settings s SET {string.Join(",\n    ", merged)}
              FROM upgrade_settings_keep k WHERE s.id = k.id;
            DELETE FROM chat_settings s USING upgrade_settings_keep k WHERE s.user_id = k.user_id AND s.id <> k.id;
            """);
    }

    private static Task<long> NormalizeAsync(UpgradeContext context, string column, string known) =>
        context.ChangeAsync(
            "settings.unknown_values_read_as_connections",
            $"SELECT count(*) FROM chat_settings WHERE {column} IS NOT NULL AND {column} NOT IN {known}",
            $"UPDATE chat_settings SET {column} = 'connections' WHERE {column} IS NOT NULL AND {column} NOT IN {known}");

    // The most private value any of the person's rows holds (NULL rows do not vote).
    private static string Strictest(string column, string closed) => $"""
        COALESCE((SELECT CASE max(CASE x.{column} WHEN '{closed}' THEN 2 WHEN 'connections' THEN 1 WHEN 'everyone' THEN 0 END)
                            WHEN 2 THEN '{closed}' WHEN 1 THEN 'connections' WHEN 0 THEN 'everyone' END
                    FROM chat_settings x WHERE x.user_id = s.user_id), s.{column})
        """;
}
