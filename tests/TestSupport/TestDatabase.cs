using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace Astegni.Chat.TestSupport;

/// <summary>
/// A real PostgreSQL database of its own for one test assembly, on the private cluster build/test
/// starts (CHAT_TEST_CONNECTION). Created fresh and migrated once; emptied by Respawn before each test.
/// </summary>
public sealed class TestDatabase
{
    public const string ServerVariable = "CHAT_TEST_CONNECTION";

    private readonly Respawner _respawner;

    private TestDatabase(string connectionString, Respawner respawner)
    {
        ConnectionString = connectionString;
        _respawner = respawner;
    }

    public string ConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable)
        ?? throw new InvalidOperationException(
            $"{ServerVariable} is not set: run the tests with build/test, which starts a private PostgreSQL for them.");

    /// <summary>
    /// Drops and recreates <paramref name="name"/> (on the shared cluster unless <paramref name="serverConnectionString"/>
    /// names another), applies the migrations, prepares Respawn.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(string name, string? serverConnectionString = null)
    {
        var connectionString = await RecreateAsync(name, serverConnectionString);
        await using (var db = NewContext(connectionString))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("__chat_migrations_history")],
            WithReseed = true,
        });
        return new TestDatabase(connectionString, respawner);
    }

    /// <summary>An empty database (no migrations), for tests of the schema itself.</summary>
    public static async Task<string> RecreateAsync(string name, string? serverConnectionString = null)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString ?? ServerConnectionString);
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        // Pooled connections to a database of the same name died with it.
        NpgsqlConnection.ClearAllPools();
        server.Database = name;
        return server.ConnectionString;
    }

    public async Task ResetAsync()
    {
        // The service may still be writing for the previous test (a hub disconnect stores last seen);
        // if that write and the reset deadlock, PostgreSQL cancels one of them: then reset again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync();
                await _respawner.ResetAsync(connection);
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }

    public ChatDbContext NewContext(params IInterceptor[] interceptors) => NewContext(ConnectionString, interceptors);

    public static ChatDbContext NewContext(string connectionString, params IInterceptor[] interceptors) =>
        new(ChatDbContextOptions.Configure(new DbContextOptionsBuilder<ChatDbContext>(), connectionString)
            .AddInterceptors(interceptors).Options);

    /// <summary>Adds an Astegni user (the table chat only reads) and returns its id.</summary>
    public async Task<int> AddUserAsync(string firstName, string? lastName = null, string? email = null, bool isActive = true)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO users (first_name, last_name, email, is_active) VALUES ($1, $2, $3, $4) RETURNING id", connection);
        command.Parameters.AddWithValue(firstName);
        command.Parameters.AddWithValue((object?)lastName ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)email ?? $"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@test.astegni.et");
        command.Parameters.AddWithValue(isActive);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Records a connection between two users with the given status (Astegni's connections table).</summary>
    public Task ConnectAsync(int requestedBy, int recipient, string status = "accepted") =>
        ExecuteAsync(
            "INSERT INTO connections (requested_by, requester_type, recipient_id, recipient_type, status) VALUES ($1, 'student', $2, 'tutor', $3)",
            requestedBy, recipient, status);

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
