using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.TestSupport.Legacy;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Tests.Legacy;

/// <summary>
/// After the upgrade the legacy backend keeps writing profile-keyed rows until it is switched off.
/// Its writes still succeed, land keyed by user, and the next migrate folds them in.
/// </summary>
public sealed class HybridPeriodTests
{
    // What the legacy backend does when Abebe (as tutor) opens a chat with Almaz again: a new direct
    // conversation, one participant row with a wrong user id, one with none, and an encrypted message.
    private const string LegacyBackendWrites = """
        INSERT INTO conversations (id, type, created_by_profile_id, created_by_profile_type, created_at, updated_at, last_message_at)
        VALUES (60, 'direct', 1, 'tutor', now(), now(), now());
        INSERT INTO conversation_participants (conversation_id, profile_id, profile_type, user_id, role, is_active, joined_at, created_at, updated_at)
        VALUES (60, 1, 'tutor', 5, 'member', TRUE, now(), now(), now());
        INSERT INTO conversation_participants (conversation_id, profile_id, profile_type, role, is_active, joined_at, created_at, updated_at)
        VALUES (60, 1, 'student', 'member', TRUE, now(), now(), now());
        INSERT INTO chat_messages (id, conversation_id, sender_profile_id, sender_profile_type, message_type, content, created_at, updated_at)
        VALUES (600, 60, 1, 'tutor', 'text', 'gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==', now(), now());
        """;

    [TestCase(LegacyShape.Scripts)]
    [TestCase(LegacyShape.Orm)]
    public async Task LegacyBackendWrites_AfterTheUpgrade_SucceedKeyedByUser_AndTheNextRunFoldsThemIn(LegacyShape shape)
    {
        var db = await LegacyDatabase.CreateAsync($"hybrid_{shape.ToString().ToLowerInvariant()}", shape);
        await new LegacyUpgrade(db).RunAsync(Options.Upgrade);

        await LegacyDatabase.ExecuteAsync(db, LegacyBackendWrites);
        var usersAsWritten = await RowsAsync(db, "SELECT user_id::text FROM conversation_participants WHERE conversation_id = 60 ORDER BY user_id");
        var senderAsWritten = await RowsAsync(db, "SELECT sender_user_id::text FROM chat_messages WHERE id = 600");
        var before = await new UpgradeVerifier(db).RunAsync();
        var shownBeforeRerun = await ReadAsAlmazAsync(db);

        var rerun = await new LegacyUpgrade(db).RunAsync(Options.Upgrade);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(usersAsWritten, Is.EqualTo(new[] { "1", "2" }), "user ids come from the profiles, whatever the old backend wrote");
            Assert.That(senderAsWritten, Is.EqualTo(new[] { "1" }));
            Assert.That(before, Has.Some.StartsWith("more than one direct conversation for a pair of users"));
            Assert.That(shownBeforeRerun, Is.EqualTo("Abebe Tadesse: <nothing>"), "before the rerun: the other person resolved, ciphertext never shown");
            Assert.That(rerun.Outcome, Is.EqualTo("folded in rows the legacy backend wrote since the upgrade"));
            Assert.That(await RowsAsync(db, "SELECT conversation_id::text FROM chat_conversation_aliases WHERE alias_id = 60"), Is.EqualTo(new[] { "10" }));
            Assert.That(await RowsAsync(db, "SELECT conversation_id || ' ' || content FROM chat_messages WHERE id = 600"), Is.EqualTo(new[] { "10 hello" }));
            Assert.That(await new UpgradeVerifier(db).RunAsync(), Is.Empty);
            Assert.That(await RowsAsync(db, "SELECT kind || ' ' || message_id FROM chat_legacy_changes ORDER BY id"), Is.EqualTo(new[] { "message_created 600" }),
                "the change feed holds the old backend's write for the service to relay, and none of migrate's own rewrites");
        }
    }

    /// <summary>Almaz's view of the legacy-written chat 60, through the application's own read model.</summary>
    private static async Task<string> ReadAsAlmazAsync(string connectionString)
    {
        await using var db = Astegni.Chat.TestSupport.TestDatabase.NewContext(connectionString);
        var viewer = new Astegni.Chat.TestSupport.FixedCurrentUser(2);
        var list = await new Astegni.Chat.Application.Conversations.ListConversations.ListConversationsHandler(db, viewer, TimeProvider.System)
            .Handle(new Astegni.Chat.Application.Conversations.ListConversations.ListConversations(), CancellationToken.None);
        var chat = list.Value.Conversations.Single(c => c.Id == 60);
        return $"{chat.Name}: {chat.LastMessage?.Preview ?? "<nothing>"}";
    }

    private static async Task<List<string>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
