namespace Astegni.Chat.Infrastructure.Legacy;

/// <summary>
/// What a database lacks of the schema a fresh install has: tables, columns (type and nullability),
/// indexes and constraints, each compared by name and definition. Extra legacy columns and tables are
/// fine; tables other Astegni modules own (users, connections) are theirs and not compared.
/// </summary>
public static class SchemaComparison
{
    private static readonly HashSet<string> OtherModulesTables = ["users", "connections"];

    public static IReadOnlyList<string> Missing(Catalog expected, Catalog actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        foreach (var table in expected.Tables.Values.Where(t => !OtherModulesTables.Contains(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (!actual.Tables.TryGetValue(table.Name, out var other))
            {
                differences.Add($"table {table.Name} is missing");
                continue;
            }

            foreach (var column in table.Columns.Values)
            {
                if (!other.Columns.TryGetValue(column.Name, out var found))
                {
                    differences.Add($"column {table.Name}.{column.Name} is missing");
                }
                else if (found.Type != column.Type || found.IsNullable != column.IsNullable || found.IsGenerated != column.IsGenerated)
                {
                    differences.Add($"column {table.Name}.{column.Name} is {Describe(found)}, expected {Describe(column)}");
                }
            }

            foreach (var index in table.Indexes.Values)
            {
                if (!other.Indexes.TryGetValue(index.Name, out var found) || found.Definition != index.Definition)
                {
                    differences.Add($"index {index.Name}: expected {index.Definition}, found {found?.Definition ?? "none"}");
                }
            }

            foreach (var constraint in table.Constraints.Values)
            {
                if (!other.Constraints.TryGetValue(constraint.Name, out var found) || found.Definition != constraint.Definition)
                {
                    differences.Add($"constraint {table.Name}.{constraint.Name}: expected {constraint.Definition}, found {found?.Definition ?? "none"}");
                }
            }
        }

        return differences;
    }

    private static string Describe(ColumnInfo column) =>
        $"{column.Type} {(column.IsNullable ? "NULL" : "NOT NULL")}{(column.IsGenerated ? " generated" : string.Empty)}";
}
