using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using static Astegni.Chat.Infrastructure.Legacy.Steps.PrepareSchema;

namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// Once every row is keyed by user and merged, the database takes on the rest of the fresh schema:
/// NOT NULL where ours has it (NULLs the legacy ORM left get the legacy defaults), the search column,
/// our foreign keys (cascades, nothing pointing at users) and our indexes, among them the unique ones
/// that hold the merges (one membership per user, one direct chat per pair, one settings row per user).
/// Then the baseline migration is recorded as applied and any later migration runs.
/// </summary>
internal sealed class FinishSchema(BaselineSchema baseline) : IUpgradeStep
{
    private static readonly Dictionary<(string Table, string Column), string> LegacyDefaults = new()
    {
        [("conversation_participants", "role")] = "'member'",
        [("conversation_participants", "is_active")] = "TRUE",
        [("conversations", "type")] = "'group'",
        [("chat_messages", "message_type")] = "'text'",
        [("chat_settings", "who_can_message")] = "'everyone'",
        [("chat_settings", "allow_calls_from")] = "'everyone'",
        [("chat_settings", "allow_group_adds")] = "'everyone'",
        [("chat_settings", "last_seen_visibility")] = "'everyone'",
        [("chat_settings", "online_status")] = "TRUE",
        [("chat_settings", "read_receipts")] = "TRUE",
        [("chat_settings", "typing_indicators")] = "TRUE",
        [("call_logs", "status")] = "'failed'",
        [("call_logs", "call_type")] = "'voice'",
    };

    public string Name => "finish the schema";

    public async Task RunAsync(UpgradeContext context)
    {
        if (context.DryRun)
        {
            return;
        }

        await context.RefreshCatalogAsync();
        foreach (var table in baseline.Tables)
        {
            await FinishColumnsAsync(context, table);
        }

        await context.RefreshCatalogAsync();
        foreach (var table in baseline.Tables)
        {
            foreach (var foreignKey in table.ForeignKeys)
            {
                await EnsureForeignKeyAsync(context, foreignKey);
            }
        }

        foreach (var index in baseline.Indexes.Where(i => !context.Catalog[i.Table].Indexes.ContainsKey(i.Name)))
        {
            context.Report.Add("schema.indexes_created", 1);
            await context.ExecuteAsync(baseline.Sql(index));
        }

        await context.ExecuteAsync(baseline.RecordBaselineSql());
    }

    private static async Task FinishColumnsAsync(UpgradeContext context, CreateTableOperation table)
    {
        var existing = context.Catalog[table.Name];
        var actions = new List<string>();
        foreach (var column in table.Columns)
        {
            if (column.ComputedColumnSql is { } computed)
            {
                if (!existing.Has(column.Name))
                {
                    actions.Add($"ADD COLUMN {Quote(column.Name)} {column.ColumnType} GENERATED ALWAYS AS ({computed}) {(column.IsStored == true ? "STORED" : string.Empty)}");
                }

                continue;
            }

            var actual = existing.Columns[column.Name];
            if (column.IsNullable || !actual.IsNullable)
            {
                continue;
            }

            var fill = Fill(table.Name, column, existing);
            if (fill is not null)
            {
                var filled = await context.ExecuteAsync(
                    $"UPDATE {Quote(table.Name)} SET {Quote(column.Name)} = {fill} WHERE {Quote(column.Name)} IS NULL");
                context.Report.Add($"schema.nulls_filled.{table.Name}.{column.Name}", filled);
            }

            actions.Add($"ALTER COLUMN {Quote(column.Name)} SET NOT NULL");
        }

        if (actions.Count > 0)
        {
            await context.ExecuteAsync($"ALTER TABLE {Quote(table.Name)}\n    {string.Join(",\n    ", actions)}");
        }
    }

    /// <summary>The default the legacy scripts gave a column this module requires, as SQL; null when it had none.</summary>
    public static string? LegacyDefault(string table, string column) => LegacyDefaults.GetValueOrDefault((table, column));

    /// <summary>What a NULL the legacy ORM left becomes; null when nothing sensible exists (the NOT NULL then fails loudly).</summary>
    private static string? Fill(string table, AddColumnOperation column, TableInfo existing)
    {
        if (LegacyDefaults.TryGetValue((table, column.Name), out var value))
        {
            return value;
        }

        return column.ColumnType switch
        {
            "boolean" => "FALSE",
            "timestamp with time zone" when column.Name != "created_at" && existing.Has("created_at") => "COALESCE(created_at, now())",
            "timestamp with time zone" => "now()",
            _ => null,
        };
    }

    private static async Task EnsureForeignKeyAsync(UpgradeContext context, AddForeignKeyOperation foreignKey)
    {
        var table = context.Catalog[foreignKey.Table];
        var expected = Definition(foreignKey);
        if (table.Constraints.TryGetValue(foreignKey.Name, out var same) && same.Definition == expected)
        {
            return;
        }

        // A legacy key on the same columns (e.g. replies without ON DELETE SET NULL) gives way to ours.
        var columns = $"FOREIGN KEY ({string.Join(", ", foreignKey.Columns)})";
        foreach (var old in table.Constraints.Values.Where(c => c.Kind == 'f' && c.Definition.StartsWith(columns + " ", StringComparison.Ordinal)))
        {
            await context.ExecuteAsync($"ALTER TABLE {Quote(foreignKey.Table)} DROP CONSTRAINT {Quote(old.Name)}");
        }

        context.Report.Add("schema.foreign_keys_set", 1);
        await context.ExecuteAsync(
            $"ALTER TABLE {Quote(foreignKey.Table)} ADD CONSTRAINT {Quote(foreignKey.Name)} {expected}");
    }

    private static string Definition(AddForeignKeyOperation foreignKey) =>
        $"FOREIGN KEY ({string.Join(", ", foreignKey.Columns)}) REFERENCES {foreignKey.PrincipalTable}({string.Join(", ", foreignKey.PrincipalColumns!)})"
        + foreignKey.OnDelete switch
        {
            ReferentialAction.Cascade => " ON DELETE CASCADE",
            ReferentialAction.SetNull => " ON DELETE SET NULL",
            ReferentialAction.Restrict => " ON DELETE RESTRICT",
            ReferentialAction.SetDefault => " ON DELETE SET DEFAULT",
            _ => string.Empty,
        };
}
