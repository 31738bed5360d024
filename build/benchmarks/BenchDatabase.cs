using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Astegni.Chat.Benchmarks;

/// <summary>A database of the benchmark's own on the given server: recreated, migrated, filled with plain SQL.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private BenchDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Drops and recreates <paramref name="name"/> and applies the service's EF migrations.</summary>
    public static async Task<BenchDatabase> CreateAsync(string serverConnectionString, string name)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString);
        await using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        builder.Database = name;
        var connectionString = builder.ConnectionString;
        var options = ChatDbContextOptions.Configure(new DbContextOptionsBuilder<ChatDbContext>(), connectionString).Options;
        await using (var db = new ChatDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        return new BenchDatabase(connectionString);
    }

    /// <summary>Adds <paramref name="count"/> active users named <paramref name="prefix"/>N; returns their ids in order.</summary>
    public async Task<int[]> AddUsersAsync(string prefix, int count)
    {
        await using var command = DataSource.CreateCommand("""
            INSERT INTO users (first_name, last_name, email, is_active)
            SELECT $1 || n, 'Bench', $1 || n || '@bench.astegni.et', TRUE FROM generate_series(1, $2) AS n
            ORDER BY n
            RETURNING id
            """);
        command.Parameters.AddWithValue(prefix);
        command.Parameters.AddWithValue(count);
        var ids = new List<int>(count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt32(0));
        }

        ids.Sort();
        return [.. ids];
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = 600;
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = 600;
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
