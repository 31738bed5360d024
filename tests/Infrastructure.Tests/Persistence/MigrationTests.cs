using Astegni.Chat.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Infrastructure.Tests.Persistence;

/// <summary>The versioned migrations build the schema; tables other modules own are created only when missing.</summary>
public sealed class MigrationTests
{
    [Test]
    public async Task FreshDatabase_GetsChatTables_AndMinimalAstegniTables()
    {
        var connectionString = await TestDatabase.RecreateAsync("chat_migration_fresh");
        await using var db = TestDatabase.NewContext(connectionString);

        await db.Database.MigrateAsync();

        var tables = await TablesAsync(db);
        Assert.That(tables, Is.SupersetOf(new[]
        {
            "users", "connections", "conversations", "conversation_participants", "chat_messages", "blocked_chat_contacts", "chat_settings",
        }));
        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
    }

    [Test]
    public async Task ExistingAstegniTables_AreUsedAsTheyAre_NeverAltered()
    {
        var connectionString = await TestDatabase.RecreateAsync("chat_migration_astegni");
        await using var db = TestDatabase.NewContext(connectionString);
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE users (id SERIAL PRIMARY KEY, email VARCHAR(255), first_name VARCHAR(100), father_name VARCHAR(100),
                last_name VARCHAR(100), profile_picture VARCHAR(500), is_active BOOLEAN DEFAULT TRUE, two_factor_secret TEXT);
            CREATE TABLE connections (id SERIAL PRIMARY KEY, requested_by INTEGER, recipient_id INTEGER, status VARCHAR(20));
            INSERT INTO users (email, first_name) VALUES ('existing@astegni.et', 'Existing');
            """);
        var before = await ColumnsAndIndexesAsync(db);

        await db.Database.MigrateAsync();

        Assert.That(await ColumnsAndIndexesAsync(db), Is.EqualTo(before), "users and connections are exactly as they were");
        Assert.That(await db.Users.CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Migrating_Twice_ChangesNothing()
    {
        var connectionString = await TestDatabase.RecreateAsync("chat_migration_twice");
        await using var db = TestDatabase.NewContext(connectionString);
        await db.Database.MigrateAsync();
        var before = await TablesAsync(db);

        await db.Database.MigrateAsync();

        Assert.That(await TablesAsync(db), Is.EqualTo(before));
    }

    private static Task<List<string>> TablesAsync(DbContext db) =>
        db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1").ToListAsync();

    private static Task<List<string>> ColumnsAndIndexesAsync(DbContext db) =>
        db.Database.SqlQueryRaw<string>("""
            SELECT table_name || '.' || column_name || ':' || data_type AS "Value"
              FROM information_schema.columns WHERE table_name IN ('users', 'connections')
            UNION ALL
            SELECT tablename || ' index ' || indexdef FROM pg_indexes WHERE tablename IN ('users', 'connections')
            ORDER BY 1
            """).ToListAsync();
}
