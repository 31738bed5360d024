using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.TestSupport.Legacy;

namespace Astegni.Chat.Infrastructure.Tests.Legacy;

/// <summary>The benchmark's generated legacy database, small: it upgrades, verifies and reconciles.</summary>
public sealed class GeneratedDatabaseTests
{
    [Test]
    public async Task GeneratedLegacyDatabase_Upgrades_AndVerifies()
    {
        var db = await LegacyDataGenerator.CreateAsync("legacy_generated_small", new LegacySize(300, 2_000, 20_000));

        var report = await new LegacyUpgrade(db).RunAsync(Options.Upgrade);

        TestContext.Out.WriteLine(report.ToText());
        Assert.That(report.Outcome, Is.EqualTo("upgraded"));
        Assert.That(report.Counts, Does.ContainKey("conversations.duplicate_direct_merged").And.ContainKey("conversations.self_chats_to_notes")
            .And.ContainKey("participants.duplicates_merged").And.ContainKey("content.decrypted"));
        Assert.That(report.Counts["content.decrypted"], Is.EqualTo(16_000));
        Assert.That(await new UpgradeVerifier(db).RunAsync(), Is.Empty);
    }
}
