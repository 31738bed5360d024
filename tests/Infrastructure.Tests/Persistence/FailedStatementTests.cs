using Astegni.Chat.Infrastructure.Persistence;
using Astegni.Chat.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Tests.Persistence;

/// <summary>
/// Issue 8, defect 1: after a statement failed, the same statement run again on the same connection
/// answered "Received unexpected backend message DataRow" (Npgsql auto-preparation, npgsql/npgsql#6391).
/// </summary>
public sealed class FailedStatementTests
{
    private const string Insert = "INSERT INTO probe (value) VALUES (@value) RETURNING id";

    [Test]
    public async Task A_statement_that_failed_inside_a_rolled_back_transaction_runs_again_on_the_same_connection()
    {
        var connectionString = await ServiceConnectionStringOnOneConnectionAsync();

        await using (var warm = new NpgsqlConnection(connectionString))
        {
            await warm.OpenAsync();
            Assert.That(await InsertAsync(warm, null, "first"), Is.GreaterThan(0));
        }

        await using (var failing = new NpgsqlConnection(connectionString))
        {
            await failing.OpenAsync();
            await using var transaction = await failing.BeginTransactionAsync();
            var refused = Assert.ThrowsAsync<PostgresException>(() => InsertAsync(failing, transaction, "longer than ten characters"));
            Assert.That(refused!.SqlState, Is.EqualTo(PostgresErrorCodes.StringDataRightTruncation));
            await transaction.RollbackAsync();
        }

        await using var again = new NpgsqlConnection(connectionString);
        await again.OpenAsync();
        Assert.That(await InsertAsync(again, null, "second"), Is.GreaterThan(0));
    }

    /// <summary>
    /// The connection string the service's DbContext really uses, on a database of its own with a
    /// one-connection pool, so the failing and the following statement share a PostgreSQL connection.
    /// </summary>
    private static async Task<string> ServiceConnectionStringOnOneConnectionAsync()
    {
        var database = await TestDatabase.RecreateAsync("chat_failed_statement_tests");
        var services = new ServiceCollection().AddChatInfrastructure(database).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var used = scope.ServiceProvider.GetRequiredService<ChatDbContext>().Database.GetConnectionString()!;
        var builder = new NpgsqlConnectionStringBuilder(used) { MaxPoolSize = 1 };

        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE TABLE probe (id serial PRIMARY KEY, value varchar(10))", connection);
        await create.ExecuteNonQueryAsync();
        return builder.ConnectionString;
    }

    private static async Task<int> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string value)
    {
        await using var command = new NpgsqlCommand(Insert, connection, transaction);
        command.Parameters.AddWithValue("value", value);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
