namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// Maps every (profile_type, profile_id) to its user. Profile ids collide across the profile tables,
/// so the type is always part of the key. A row whose profile resolves to nobody falls back to the
/// user id stored beside it when that user exists; otherwise it is an orphan.
/// </summary>
internal sealed class ResolveIdentities : IUpgradeStep
{
    private static readonly string[] ProfileTypes = ["student", "tutor", "parent", "advertiser"];

    public string Name => "resolve profiles to users";

    public async Task RunAsync(UpgradeContext context)
    {
        await context.ExecuteAsync("""
            CREATE TEMP TABLE legacy_profile_users (
                profile_type text NOT NULL, profile_id integer NOT NULL, user_id integer NOT NULL,
                PRIMARY KEY (profile_type, profile_id)) ON COMMIT DROP
            """);
        foreach (var type in ProfileTypes)
        {
            var table = $"{type}_profiles";
            if (!context.Catalog.Has(table, "user_id"))
            {
                context.Report.Details.Add($"{table} is missing: its profiles resolve only through stored user ids");
                continue;
            }

            var mapped = await context.ExecuteAsync($"""
                INSERT INTO legacy_profile_users
                SELECT '{type}', p.id, p.user_id FROM {table} p JOIN users u ON u.id = p.user_id
                """);
            context.Report.Note($"profiles.{type}", mapped);
        }

        // STABLE and SQL: PostgreSQL inlines it into the set-based statements of the later steps.
        await context.ExecuteAsync("""
            CREATE FUNCTION pg_temp.resolve_user(p_type text, p_id integer, stored integer) RETURNS integer
            LANGUAGE sql STABLE AS $$
                SELECT COALESCE(
                    (SELECT m.user_id FROM legacy_profile_users m WHERE m.profile_type = lower(p_type) AND m.profile_id = p_id),
                    (SELECT u.id FROM users u WHERE u.id = stored))
            $$
            """);
    }
}
