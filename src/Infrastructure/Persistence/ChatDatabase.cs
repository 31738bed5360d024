using Astegni.Chat.Infrastructure.Legacy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Persistence;

public static class ChatDatabase
{
    /// <summary>
    /// Applies pending migrations to a fresh or already upgraded database. A legacy Astegni database is
    /// never upgraded implicitly: that is the explicit <c>migrate</c> command's job.
    /// </summary>
    public static async Task MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            var classification = DatabaseClassification.Of(await Catalog.ReadAsync(connection));
            if (classification.Kind is DatabaseKind.Legacy or DatabaseKind.Unrecognized)
            {
                throw new InvalidOperationException(
                    $"The database holds {classification.Shape} chat tables: run the 'migrate' command to upgrade it first.");
            }
        }

        await using var db = new ChatDbContext(
            ChatDbContextOptions.Configure(new DbContextOptionsBuilder<ChatDbContext>(), connectionString).Options);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
