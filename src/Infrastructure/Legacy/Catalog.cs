using Npgsql;

namespace Astegni.Chat.Infrastructure.Legacy;

public sealed record ColumnInfo(string Name, string Type, bool IsNullable, string? Default, bool IsGenerated);

public sealed record ConstraintInfo(string Name, char Kind, string Definition);

public sealed record IndexInfo(string Name, string Definition);

public sealed record TableInfo(
    string Name,
    IReadOnlyDictionary<string, ColumnInfo> Columns,
    IReadOnlyDictionary<string, ConstraintInfo> Constraints,
    IReadOnlyDictionary<string, IndexInfo> Indexes)
{
    public bool Has(string column) => Columns.ContainsKey(column);
}

/// <summary>
/// What the database's catalog says about the public schema: tables, columns (type as PostgreSQL
/// formats it, nullability, default), constraints and indexes. The upgrade decides from it, never
/// from assumptions: the same Astegni tables exist with and without their constraints.
/// </summary>
public sealed class Catalog(IReadOnlyDictionary<string, TableInfo> tables)
{
    public IReadOnlyDictionary<string, TableInfo> Tables { get; } = tables;

    public bool Has(string table) => Tables.ContainsKey(table);

    public bool Has(string table, string column) => Tables.TryGetValue(table, out var t) && t.Has(column);

    public TableInfo this[string table] => Tables[table];

    public static async Task<Catalog> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        var columns = await ReadRowsAsync(connection, transaction, """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attgenerated <> ''
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
             WHERE c.relkind IN ('r', 'p')
             ORDER BY c.relname, a.attnum
            """, r => (Table: r.GetString(0), Column: new ColumnInfo(r.GetString(1), r.GetString(2), r.GetBoolean(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetBoolean(5))));
        var constraints = await ReadRowsAsync(connection, transaction, """
            SELECT c.relname, k.conname, k.contype::text, pg_get_constraintdef(k.oid)
              FROM pg_constraint k
              JOIN pg_class c ON c.oid = k.conrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            """, r => (Table: r.GetString(0), Constraint: new ConstraintInfo(r.GetString(1), r.GetString(2)[0], r.GetString(3))));
        var indexes = await ReadRowsAsync(connection, transaction,
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
            r => (Table: r.GetString(0), Index: new IndexInfo(r.GetString(1), r.GetString(2))));

        var tables = columns.GroupBy(c => c.Table).ToDictionary(
            g => g.Key,
            g => new TableInfo(
                g.Key,
                g.ToDictionary(c => c.Column.Name, c => c.Column),
                constraints.Where(k => k.Table == g.Key).ToDictionary(k => k.Constraint.Name, k => k.Constraint),
                indexes.Where(i => i.Table == g.Key).ToDictionary(i => i.Index.Name, i => i.Index)));
        return new Catalog(tables);
    }

    private static async Task<List<T>> ReadRowsAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Func<NpgsqlDataReader, T> map)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
