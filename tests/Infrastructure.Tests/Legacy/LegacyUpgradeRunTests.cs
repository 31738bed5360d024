using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.TestSupport;
using Astegni.Chat.TestSupport.Legacy;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Tests.Legacy;

/// <summary>How the upgrade runs: dry, twice, interrupted, refused.</summary>
public sealed class LegacyUpgradeRunTests
{
    [Test]
    public async Task DryRun_WritesNothing_AndCountsWhatTheRealRunDoes()
    {
        var db = await LegacyDatabase.CreateAsync("legacy_dry_run", LegacyShape.Scripts);
        var before = await SnapshotAsync(db);

        var dry = await new LegacyUpgrade(db).RunAsync(Options.DryRun);
        var afterDry = await SnapshotAsync(db);
        var real = await new LegacyUpgrade(db).RunAsync(Options.Upgrade);

        Assert.That(afterDry, Is.EqualTo(before), "schema and every row as they were");
        Assert.That(dry.Outcome, Is.EqualTo("dry run: nothing was written"));
        Assert.That(Rules(dry), Is.EqualTo(Rules(real)), () => $"dry:\n{dry.ToText()}\nreal:\n{real.ToText()}");
        Assert.That(dry.Tables.ToDictionary(t => t.Key, t => t.Value.After), Is.EqualTo(real.Tables.ToDictionary(t => t.Key, t => t.Value.After)),
            () => $"dry:\n{dry.ToText()}\nreal:\n{real.ToText()}");
    }

    [Test]
    public async Task TheUpgrade_LeavesPlannerStatistics_OnTheTablesItRewrote()
    {
        var db = await LegacyDatabase.CreateAsync("legacy_analyzed", LegacyShape.Scripts);

        await new LegacyUpgrade(db).RunAsync(Options.Upgrade);

        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var analyzed = new NpgsqlCommand("""
            SELECT count(DISTINCT tablename) FROM pg_stats
            WHERE schemaname = 'public' AND tablename IN ('chat_messages', 'conversations', 'conversation_participants')
            """, connection);
        Assert.That(await analyzed.ExecuteScalarAsync(), Is.EqualTo(3L), "the planner has statistics for the rewritten tables");
    }

    [Test]
    public async Task SecondRun_ChangesNothing_AndSaysSo()
    {
        var db = await LegacyDatabase.CreateAsync("legacy_twice", LegacyShape.Orm);
        await new LegacyUpgrade(db).RunAsync(Options.Upgrade);
        var before = await SnapshotAsync(db);

        var again = await new LegacyUpgrade(db).RunAsync(Options.Upgrade);

        Assert.That(again.Outcome, Is.EqualTo("nothing to do: the database is already upgraded"));
        Assert.That(again.Counts, Is.Empty);
        Assert.That(await SnapshotAsync(db, except: "chat_migration_reports"), Is.EqualTo(Without(before, "chat_migration_reports")));
    }

    [Test]
    public async Task InterruptedMidway_LeavesTheDatabaseUnchanged_AndTheNextRunCompletes()
    {
        var db = await LegacyDatabase.CreateAsync("legacy_interrupted", LegacyShape.Scripts);
        var before = await SnapshotAsync(db);

        Assert.ThrowsAsync<UpgradeInterruptedException>(() => new LegacyUpgrade(db).RunAsync(Options.Upgrade with { StopAfterStep = 5 }));
        var afterFailure = await SnapshotAsync(db);
        var completed = await new LegacyUpgrade(db).RunAsync(Options.Upgrade);

        Assert.That(afterFailure, Is.EqualTo(before));
        Assert.That(completed.Outcome, Is.EqualTo("upgraded"));
    }

    [Test]
    public async Task FreshDatabase_GetsTheCurrentSchema()
    {
        var db = await TestDatabase.RecreateAsync("legacy_fresh");

        var report = await new LegacyUpgrade(db).RunAsync(new UpgradeOptions());
        var again = await new LegacyUpgrade(db).RunAsync(new UpgradeOptions());

        Assert.That(report.Outcome, Is.EqualTo("created the current schema"));
        Assert.That(again.Outcome, Is.EqualTo("nothing to do: the database is already upgraded"));
    }

    [Test]
    public async Task DatabaseThatIsNeitherLegacyNorOurs_IsRefused_WithWhatIsMissing()
    {
        var db = await TestDatabase.RecreateAsync("legacy_unrecognized");
        await LegacyDatabase.ExecuteAsync(db, "CREATE TABLE conversations (id SERIAL PRIMARY KEY, title TEXT)");

        var report = await new LegacyUpgrade(db).RunAsync(Options.Upgrade);

        Assert.That(report.Outcome, Does.StartWith("refused"));
        Assert.That(report.Missing, Does.Contain("table chat_messages").And.Contain("table users").And.Contain("column conversations.type"));
    }

    [Test]
    public async Task UnknownTimeZone_IsRefused_BeforeAnythingChanges()
    {
        var db = await LegacyDatabase.CreateAsync("legacy_bad_zone", LegacyShape.Scripts);
        var before = await SnapshotAsync(db);

        var report = await new LegacyUpgrade(db).RunAsync(Options.Upgrade with { LegacyTimeZone = "Mars/Olympus_Mons" });

        Assert.That(report.Outcome, Does.Contain("unknown time zone"));
        Assert.That(await SnapshotAsync(db), Is.EqualTo(before));
    }

    [Test]
    public async Task WithoutTheLegacyKey_EncryptedContentIsKeptAside_AndALaterRunWithTheKeyDecryptsIt()
    {
        var db = await LegacyDatabase.CreateAsync("legacy_key_later", LegacyShape.Scripts);

        var withoutKey = await new LegacyUpgrade(db).RunAsync(Options.Upgrade with { LegacyEncryptionKey = null });
        var hidden = await ScalarAsync(db, "SELECT COALESCE(content, '<none>') FROM chat_messages WHERE id = 100");
        var withKey = await new LegacyUpgrade(db).RunAsync(Options.Upgrade);
        var shown = await ScalarAsync(db, "SELECT content FROM chat_messages WHERE id = 100");

        Assert.That(withoutKey.Counts["content.undecryptable_preserved"], Is.EqualTo(3));
        Assert.That(hidden, Is.EqualTo("<none>"), "ciphertext is never shown as text");
        Assert.That(withKey.Counts["content.decrypted"], Is.EqualTo(2));
        Assert.That(shown, Is.EqualTo("ሰላም Selam"));
    }

    [Test]
    public async Task OrmOnlyRows_ChannelIsGroup_SessionRequestIsSystem_OrphansHandled()
    {
        var db = await LegacyDatabase.CreateAsync("legacy_orm_only_rows", LegacyShape.Orm);

        await new LegacyUpgrade(db).RunAsync(Options.Upgrade);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ScalarAsync(db, "SELECT type FROM conversations WHERE id = 14"), Is.EqualTo("group"));
            Assert.That(await ScalarAsync(db, "SELECT message_type FROM chat_messages WHERE id = 140"), Is.EqualTo("system"));
            Assert.That(await ScalarAsync(db, "SELECT count(*)::text FROM conversation_participants WHERE user_id = 999"), Is.EqualTo("0"));
            Assert.That(await ScalarAsync(db, "SELECT content FROM chat_migration_orphan_messages WHERE id = 141"), Is.EqualTo("Buy our books!"),
                "a message whose sender is nobody is set aside, not lost");
        }
    }

    private static Dictionary<string, long> Rules(UpgradeReport report) =>
        report.Counts.Where(c => !c.Key.StartsWith("schema.", StringComparison.Ordinal)).ToDictionary();

    private static string Without(string snapshot, string table) =>
        string.Join('\n', snapshot.Split('\n').Where(line => !line.StartsWith(table + ":", StringComparison.Ordinal)));

    /// <summary>The schema and the content of every table, as text: equal snapshots mean nothing changed.</summary>
    private static async Task<string> SnapshotAsync(string connectionString, string? except = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var catalog = await Catalog.ReadAsync(connection);
        var lines = new List<string>();
        foreach (var table in catalog.Tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (table.Name == except)
            {
                continue;
            }

            lines.Add($"{table.Name}: {string.Join(", ", table.Columns.Values.Select(c => $"{c.Name} {c.Type} {c.IsNullable}"))}");
            lines.Add($"{table.Name}: {string.Join(", ", table.Constraints.Keys.Concat(table.Indexes.Keys).Order(StringComparer.Ordinal))}");
            lines.Add($"{table.Name}: " + await ScalarAsync(connectionString, $"SELECT md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table.Name}\" t"));
        }

        return string.Join('\n', lines);
    }

    private static async Task<string> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
