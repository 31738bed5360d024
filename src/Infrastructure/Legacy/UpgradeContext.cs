using Npgsql;

namespace Astegni.Chat.Infrastructure.Legacy;

/// <summary>What every upgrade step works with: one connection, one transaction, the catalog and the report.</summary>
internal sealed class UpgradeContext(
    NpgsqlConnection connection, NpgsqlTransaction transaction, Catalog catalog, UpgradeOptions options, UpgradeReport report)
{
    public NpgsqlConnection Connection { get; } = connection;
    public NpgsqlTransaction Transaction { get; } = transaction;
    public Catalog Catalog { get; set; } = catalog;
    public UpgradeOptions Options { get; } = options;
    public UpgradeReport Report { get; } = report;
    public bool DryRun => Options.DryRun;

    /// <summary>The legacy Fernet key as a SQL literal, once pgcrypto and the decrypt function are ready; else null.</summary>
    public string? FernetKeyLiteral { get; set; }

    /// <summary>Tokens found before the table rewrite that decrypted them in passing (-1 when it did not).</summary>
    public long TokensBeforeRewrite { get; set; } = -1;

    /// <summary>The zone legacy timestamps are read in, as a SQL literal.</summary>
    public string TimeZoneLiteral { get; set; } = "'UTC'";

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, Connection, Transaction) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Temporary tables get no statistics by themselves; without them the planner guesses, and joins go quadratic.</summary>
    public Task<int> AnalyzeAsync(string table) => ExecuteAsync($"ANALYZE {table}");

    public async Task<long> CountAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, Connection, Transaction) { CommandTimeout = 0 };
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<string>> LinesAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, Connection, Transaction) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    /// <summary>Counts first (dry run and real run report the same), then changes unless dry.</summary>
    public async Task<long> ChangeAsync(string key, string countSql, string applySql)
    {
        var count = await CountAsync(countSql);
        Report.Add(key, count);
        if (!DryRun && count > 0)
        {
            await ExecuteAsync(applySql);
        }

        return count;
    }

    public async Task RefreshCatalogAsync() => Catalog = await Catalog.ReadAsync(Connection, Transaction);
}
