using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.TestSupport;
using Astegni.Chat.TestSupport.Legacy;

namespace Astegni.Chat.Infrastructure.Tests.Legacy;

public sealed class UpgradeVerifierTests
{
    [TestCase(LegacyShape.Scripts)]
    [TestCase(LegacyShape.Orm)]
    public async Task UpgradedDatabase_Verifies(LegacyShape shape)
    {
        var db = await LegacyDatabase.CreateAsync($"verify_ok_{shape.ToString().ToLowerInvariant()}", shape);
        await new LegacyUpgrade(db).RunAsync(Options.Upgrade);

        Assert.That(await new UpgradeVerifier(db).RunAsync(), Is.Empty);
    }

    [Test]
    public async Task LegacyDatabase_FailsVerification_UntilMigrated()
    {
        var db = await LegacyDatabase.CreateAsync("verify_legacy", LegacyShape.Scripts);

        Assert.That(await new UpgradeVerifier(db).RunAsync(), Has.One.Contains("run migrate first"));
    }

    [Test]
    public async Task BrokenPostConditions_AreEachListed()
    {
        var db = await LegacyDatabase.CreateAsync("verify_broken", LegacyShape.Orm);
        await new LegacyUpgrade(db).RunAsync(Options.Upgrade);
        await LegacyDatabase.ExecuteAsync(db, """
            INSERT INTO conversations (id, type, created_at, updated_at) VALUES (50, 'direct', now(), now());
            INSERT INTO conversation_participants (conversation_id, user_id, role, is_active, joined_at, is_muted, is_archived, is_pinned, created_at, updated_at)
            VALUES (50, 1, 'member', TRUE, now(), FALSE, FALSE, FALSE, now(), now()), (50, 2, 'member', TRUE, now(), FALSE, FALSE, FALSE, now(), now());
            INSERT INTO message_reactions (message_id, user_id, reaction, created_at) VALUES (101, 4242, '👍', now());
            DELETE FROM chat_messages WHERE id = 120;
            """);

        var violations = await new UpgradeVerifier(db).RunAsync();

        Assert.That(violations, Has.Some.StartsWith("more than one direct conversation for a pair of users")
            .And.Some.StartsWith("reaction keyed by a user that does not exist")
            .And.Some.StartsWith("messages lost"));
    }

    [Test]
    public async Task FreshInstall_Verifies()
    {
        var db = await TestDatabase.RecreateAsync("verify_fresh");
        await new LegacyUpgrade(db).RunAsync(new UpgradeOptions());

        Assert.That(await new UpgradeVerifier(db).RunAsync(), Is.Empty);
    }
}
