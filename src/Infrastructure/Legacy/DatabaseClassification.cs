namespace Astegni.Chat.Infrastructure.Legacy;

public enum DatabaseKind
{
    /// <summary>No chat tables: a fresh install gets the current schema.</summary>
    Empty,

    /// <summary>Already on this module's schema (possibly with new rows from the legacy backend to fold in).</summary>
    Current,

    /// <summary>Astegni's profile-keyed chat tables.</summary>
    Legacy,

    /// <summary>Neither: the upgrade refuses and lists what is missing.</summary>
    Unrecognized,
}

/// <summary>Which of the known shapes a database is in, decided from its catalog.</summary>
public sealed record DatabaseClassification(DatabaseKind Kind, string Shape, IReadOnlyList<string> Missing)
{
    public const string HistoryTable = "__chat_migrations_history";

    private static readonly string[] ChatTables = ["conversations", "conversation_participants", "chat_messages"];
    private static readonly string[] ProfileTables = ["student_profiles", "tutor_profiles", "parent_profiles"];

    public static DatabaseClassification Of(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Has(HistoryTable))
        {
            return new DatabaseClassification(DatabaseKind.Current, "current", []);
        }

        var presentChatTables = ChatTables.Where(catalog.Has).ToList();
        if (presentChatTables.Count == 0)
        {
            return new DatabaseClassification(DatabaseKind.Empty, "empty", []);
        }

        var missing = new List<string>();
        missing.AddRange(ChatTables.Except(presentChatTables).Select(t => $"table {t}"));
        missing.AddRange(new[] { "users" }.Concat(ProfileTables).Where(t => !catalog.Has(t)).Select(t => $"table {t}"));
        RequireColumns(catalog, missing, "conversation_participants", "conversation_id", "profile_id", "profile_type", "user_id");
        RequireColumns(catalog, missing, "chat_messages", "conversation_id", "sender_profile_id", "sender_profile_type", "sender_user_id", "content", "created_at");
        RequireColumns(catalog, missing, "conversations", "id", "type", "created_at");
        foreach (var profiles in ProfileTables.Where(catalog.Has))
        {
            RequireColumns(catalog, missing, profiles, "id", "user_id");
        }

        if (missing.Count > 0)
        {
            return new DatabaseClassification(DatabaseKind.Unrecognized, "unrecognized", missing);
        }

        var built = catalog.Tables.Values.Any(t => t.Constraints.Values.Any(c => c.Kind == 'c'))
                    || catalog["chat_messages"].Columns.GetValueOrDefault("deleted_for_user_ids")?.Type == "jsonb"
            ? "legacy (migration scripts)"
            : "legacy (ORM)";
        return new DatabaseClassification(DatabaseKind.Legacy, built, []);
    }

    private static void RequireColumns(Catalog catalog, List<string> missing, string table, params string[] columns)
    {
        if (!catalog.Has(table))
        {
            return;
        }

        missing.AddRange(columns.Where(c => !catalog.Has(table, c)).Select(c => $"column {table}.{c}"));
    }
}
