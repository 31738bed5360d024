using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// Makes room for user-keyed rows without taking anything from the legacy backend: adds the columns
/// and tables this module needs, turns server-local timestamps into timestamptz (read in the legacy
/// time zone), and loosens what would refuse our rows (profile columns become nullable, CHECKs on
/// values, foreign keys to users that would block deleting a user). One ALTER TABLE per table, so
/// each table is rewritten at most once here.
/// </summary>
internal sealed class PrepareSchema(BaselineSchema baseline) : IUpgradeStep
{
    private const string LegacyTimestamp = "timestamp without time zone";
    private const string Timestamp = "timestamp with time zone";

    public string Name => "prepare the schema";

    public async Task RunAsync(UpgradeContext context)
    {
        foreach (var extension in baseline.Extensions)
        {
            await ApplyAsync(context, $"CREATE EXTENSION IF NOT EXISTS {extension}");
        }

        foreach (var table in baseline.Tables)
        {
            if (!context.Catalog.Has(table.Name))
            {
                context.Report.Add("schema.tables_created", 1);
                await ApplyAsync(context, baseline.Sql(table));
                continue;
            }

            var actions = AlterActions(context, table);
            if (actions.Count > 0 && table.Name == "chat_messages" && context.FernetKeyLiteral is { } key && context.Catalog.Has("chat_messages", "content"))
            {
                // The table is rewritten anyway: decrypt legacy content in the same pass.
                context.TokensBeforeRewrite = await context.CountAsync($"SELECT count(*) FROM chat_messages WHERE {LegacyFernet.LooksLikeToken("content")}");
                actions.Add($"ALTER COLUMN content TYPE text USING COALESCE(pg_temp.fernet_decrypt(content, {key}), content)");
            }

            if (actions.Count > 0)
            {
                await ApplyAsync(context, $"ALTER TABLE {Quote(table.Name)}\n    {string.Join(",\n    ", actions)}");
            }

            foreach (var constraint in RefusingConstraints(context.Catalog[table.Name]))
            {
                context.Report.Add("schema.constraints_dropped", 1);
                context.Report.Details.Add($"dropped {table.Name}.{constraint.Name}: {constraint.Definition}");
                await ApplyAsync(context, $"ALTER TABLE {Quote(table.Name)} DROP CONSTRAINT {Quote(constraint.Name)}");
            }
        }

        if (!context.DryRun)
        {
            await context.RefreshCatalogAsync();
        }
    }

    private static List<string> AlterActions(UpgradeContext context, CreateTableOperation target)
    {
        var existing = context.Catalog[target.Name];
        var actions = new List<string>();
        foreach (var column in existing.Columns.Values)
        {
            var targetColumn = target.Columns.FirstOrDefault(c => c.Name == column.Name);
            if (column.Type == LegacyTimestamp && (targetColumn is null || targetColumn.ColumnType == Timestamp))
            {
                context.Report.Add("schema.timestamps_converted", 1);
                actions.Add($"ALTER COLUMN {Quote(column.Name)} TYPE {Timestamp} USING {Quote(column.Name)} AT TIME ZONE {context.TimeZoneLiteral}");
            }
            else if (targetColumn is not null && targetColumn.ColumnType is { } type && !SameType(type, column.Type))
            {
                context.Report.Add("schema.columns_retyped", 1);
                context.Report.Details.Add($"{target.Name}.{column.Name}: {column.Type} -> {type}");
                actions.Add($"ALTER COLUMN {Quote(column.Name)} TYPE {type} USING {Quote(column.Name)}::{type}");
            }

            // Legacy-only columns stay for the old backend, but must not refuse rows it does not write.
            if (targetColumn is null && !column.IsNullable)
            {
                context.Report.Add("schema.legacy_columns_made_nullable", 1);
                actions.Add($"ALTER COLUMN {Quote(column.Name)} DROP NOT NULL");
            }
        }

        foreach (var column in target.Columns.Where(c => !existing.Has(c.Name) && c.ComputedColumnSql is null))
        {
            context.Report.Add("schema.columns_added", 1);
            actions.Add($"ADD COLUMN {Quote(column.Name)} {column.ColumnType}");
        }

        return actions;
    }

    /// <summary>Legacy constraints our rows could break: CHECKs on values (e.g. no 'notes' type) and foreign keys to users.</summary>
    private static IEnumerable<ConstraintInfo> RefusingConstraints(TableInfo table) =>
        table.Constraints.Values.Where(c =>
            c.Kind == 'c'
            || (c.Kind == 'f' && c.Definition.Contains("REFERENCES users(", StringComparison.Ordinal)));

    private static bool SameType(string target, string actual) =>
        string.Equals(target, actual, StringComparison.OrdinalIgnoreCase)
        || (target == "text" && actual == "character varying");

    private static async Task ApplyAsync(UpgradeContext context, string sql)
    {
        if (!context.DryRun)
        {
            await context.ExecuteAsync(sql);
        }
    }

    internal static string Quote(string identifier) =>
        "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    internal static string Literal(string text) =>
        new StringBuilder("'").Append(text.Replace("'", "''", StringComparison.Ordinal)).Append('\'').ToString();

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
