using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Astegni.Chat.TestSupport.Legacy;

/// <summary>The two shapes Astegni's profile-era chat tables come in.</summary>
public enum LegacyShape
{
    /// <summary>Built by the legacy migration scripts: CHECK and UNIQUE constraints, JSONB, server defaults.</summary>
    Scripts,

    /// <summary>Built by the legacy ORM at start-up: no CHECK, UNIQUE or server defaults, JSON, no advertiser_profiles.</summary>
    Orm,
}

/// <summary>Builds profile-era Astegni databases for the legacy upgrade's tests and benchmark.</summary>
public static partial class LegacyDatabase
{
    /// <summary>The legacy backend's key for the fixtures' encrypted rows (the Fernet spec's test key).</summary>
    public const string FernetKey = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";

    /// <summary>The time zone the fixtures' wall-clock timestamps were written in.</summary>
    public const string TimeZone = "Africa/Addis_Ababa";

    /// <summary>A new database of the given shape holding the edge-case fixture; returns its connection string.</summary>
    public static async Task<string> CreateAsync(string name, LegacyShape shape, bool withRows = true, string? serverConnectionString = null)
    {
        var connectionString = await TestDatabase.RecreateAsync(name, serverConnectionString);
        await ExecuteAsync(connectionString, Schema(shape));
        if (withRows)
        {
            await ExecuteAsync(connectionString, Resource("edge_cases.sql"));
            if (shape == LegacyShape.Orm)
            {
                await ExecuteAsync(connectionString, Resource("orm_shape_extras.sql"));
            }
        }

        return connectionString;
    }

    /// <summary>The DDL of a legacy shape. The ORM shape is the scripts' DDL less what the ORM never built.</summary>
    public static string Schema(LegacyShape shape)
    {
        var sql = Resource("script_shape.sql");
        if (shape == LegacyShape.Scripts)
        {
            return sql;
        }

        sql = CheckClause().Replace(sql, string.Empty);
        sql = TableUnique().Replace(sql, string.Empty);
        sql = sql.Replace(" UNIQUE", string.Empty, StringComparison.Ordinal);
        sql = DefaultClause().Replace(sql, string.Empty);
        sql = sql.Replace(" REFERENCES users(id)", string.Empty, StringComparison.Ordinal);
        sql = sql.Replace("JSONB", "JSON", StringComparison.Ordinal);
        sql = DroppedTable().Replace(sql, string.Empty);
        return sql;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static string Resource(string fileName)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\s*CHECK \((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)")]
    private static partial Regex CheckClause();

    [GeneratedRegex(@",\s*UNIQUE \([^)]*\)")]
    private static partial Regex TableUnique();

    [GeneratedRegex(@" DEFAULT (?:NOW\(\)|TRUE|FALSE|'[^']*'|\d+)")]
    private static partial Regex DefaultClause();

    [GeneratedRegex(@"CREATE TABLE (?:advertiser_profiles|pinned_messages) \((?:[^;])*\);\s*")]
    private static partial Regex DroppedTable();
}
