using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.TestSupport;
using Astegni.Chat.TestSupport.Legacy;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Tests.Legacy;

/// <summary>An upgraded legacy database and a fresh install end in the same schema.</summary>
public sealed class SchemaEqualityTests
{
    private static Catalog _fresh = null!;

    [OneTimeSetUp]
    public async Task InstallFresh()
    {
        var fresh = await TestDatabase.RecreateAsync("schema_fresh");
        var report = await new LegacyUpgrade(fresh).RunAsync(new UpgradeOptions());
        Assert.That(report.Outcome, Is.EqualTo("created the current schema"));
        _fresh = await ReadAsync(fresh);
    }

    [TestCase(LegacyShape.Scripts)]
    [TestCase(LegacyShape.Orm)]
    public async Task UpgradedLegacyDatabase_HasEveryTableColumnIndexAndConstraintOfAFreshInstall(LegacyShape shape)
    {
        var legacy = await LegacyDatabase.CreateAsync($"schema_legacy_{shape.ToString().ToLowerInvariant()}", shape);

        await new LegacyUpgrade(legacy).RunAsync(Options.Upgrade);

        Assert.That(SchemaComparison.Missing(_fresh, await ReadAsync(legacy)), Is.Empty);
    }

    [Test]
    public async Task Comparison_NoticesWhatALegacyDatabaseLacks()
    {
        var legacy = await LegacyDatabase.CreateAsync("schema_legacy_untouched", LegacyShape.Scripts);

        var missing = SchemaComparison.Missing(_fresh, await ReadAsync(legacy));

        Assert.That(missing, Has.Some.Contains("chat_message_deletions").And.Some.Contains("ux_conversations_direct_pair")
            .And.Some.Contains("conversations.created_at is timestamp without time zone"));
    }

    private static async Task<Catalog> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await Catalog.ReadAsync(connection);
    }
}
