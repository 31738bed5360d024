namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// Keeps the legacy backend working during the switch, against the upgraded tables: rows it writes
/// with profile columns get their user columns from the profile (even when it leaves them empty or
/// wrong), and columns this module requires get defaults, so none of its inserts is refused for a
/// column it does not know. Re-running <c>migrate</c> later folds its rows in (merges, decryption).
/// </summary>
internal sealed class InstallLegacyWriteAdapter : IUpgradeStep
{
    // table, profile type column, profile id column, user column
    private static readonly (string Table, string Type, string Id, string User)[] UserColumns =
    [
        ("conversation_participants", "profile_type", "profile_id", "user_id"),
        ("chat_messages", "sender_profile_type", "sender_profile_id", "sender_user_id"),
        ("chat_messages", "pinned_by_profile_type", "pinned_by_profile_id", "pinned_by_user_id"),
        ("message_reactions", "profile_type", "profile_id", "user_id"),
        ("blocked_chat_contacts", "blocker_profile_type", "blocker_profile_id", "blocker_user_id"),
        ("blocked_chat_contacts", "blocked_profile_type", "blocked_profile_id", "blocked_user_id"),
        ("chat_settings", "profile_type", "profile_id", "user_id"),
        ("call_logs", "caller_profile_type", "caller_profile_id", "caller_user_id"),
        ("conversations", "created_by_profile_type", "created_by_profile_id", "created_by_user_id"),
    ];

    private static readonly string[] ProfileTypes = ["student", "tutor", "parent", "advertiser"];

    public string Name => "adapter for the legacy backend's writes";

    public async Task RunAsync(UpgradeContext context)
    {
        var catalog = context.Catalog;
        var columns = UserColumns.Where(c => catalog.Has(c.Table, c.Type) && catalog.Has(c.Table, c.Id) && catalog.Has(c.Table, c.User)).ToList();
        if (columns.Count == 0)
        {
            return;
        }

        context.Report.Note("adapter.user_columns_resolved_on_write", columns.Count);
        if (context.DryRun)
        {
            return;
        }

        var lookups = ProfileTypes.Where(t => catalog.Has($"{t}_profiles", "user_id"))
            .Select(t => $"WHEN '{t}' THEN (SELECT user_id FROM {t}_profiles WHERE id = p_id)");
        await context.ExecuteAsync($"""
            CREATE OR REPLACE FUNCTION chat_profile_user(p_type text, p_id integer) RETURNS integer
            LANGUAGE sql STABLE AS $$ SELECT CASE lower(p_type) {string.Join(' ', lookups)} END $$
            """);

        foreach (var table in columns.GroupBy(c => c.Table))
        {
            var assignments = table.Select(c => $"""
                IF NEW.{c.Type} IS NOT NULL AND NEW.{c.Id} IS NOT NULL THEN
                    NEW.{c.User} := COALESCE(chat_profile_user(NEW.{c.Type}, NEW.{c.Id}), NEW.{c.User});
                END IF;
                """);
            // Only writes that name a profile column can need a user resolved: this module's own updates
            // (mark read, edit, pin by user) name none and so pay no function call per row.
            var profileColumns = string.Join(", ", table.SelectMany(c => new[] { c.Type, c.Id }).Distinct());
            await context.ExecuteAsync($"""
                CREATE OR REPLACE FUNCTION chat_resolve_{table.Key}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    {string.Join("\n    ", assignments)}
                    RETURN NEW;
                END $$;
                DROP TRIGGER IF EXISTS chat_resolve_user ON {table.Key};
                CREATE TRIGGER chat_resolve_user BEFORE INSERT OR UPDATE OF {profileColumns} ON {table.Key}
                    FOR EACH ROW EXECUTE FUNCTION chat_resolve_{table.Key}();
                """);
        }

        await SetDefaultsAsync(context);
    }

    /// <summary>NOT NULL columns without a default get one, so inserts that leave them out still work.</summary>
    private static async Task SetDefaultsAsync(UpgradeContext context)
    {
        await context.RefreshCatalogAsync();
        foreach (var table in context.Catalog.Tables.Values.Where(t => t.Has("id") && UserColumns.Any(c => c.Table == t.Name)))
        {
            foreach (var column in table.Columns.Values.Where(c => !c.IsNullable && c.Default is null && !c.IsGenerated))
            {
                var value = column.Type switch
                {
                    "boolean" => FinishSchema.LegacyDefault(table.Name, column.Name) ?? "FALSE",
                    "timestamp with time zone" => "now()",
                    _ => FinishSchema.LegacyDefault(table.Name, column.Name),
                };
                if (value is not null)
                {
                    await context.ExecuteAsync($"ALTER TABLE {PrepareSchema.Quote(table.Name)} ALTER COLUMN {PrepareSchema.Quote(column.Name)} SET DEFAULT {value}");
                }
            }
        }
    }
}
