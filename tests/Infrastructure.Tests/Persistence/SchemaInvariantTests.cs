using Npgsql;

namespace Astegni.Chat.Infrastructure.Tests.Persistence;

/// <summary>The invariants the database itself holds, whatever code writes to it.</summary>
public sealed class SchemaInvariantTests : DatabaseTest
{
    [Test]
    public async Task SecondDirectConversation_ForTheSamePair_IsRefusedByTheDatabase()
    {
        const string insert = """
            INSERT INTO conversations (type, direct_user_low_id, direct_user_high_id, created_at, updated_at)
            VALUES ('direct', 1, 2, now(), now())
            """;
        await Db.ExecuteAsync(insert);

        var second = Assert.ThrowsAsync<PostgresException>(() => Db.ExecuteAsync(insert));

        Assert.That(second!.SqlState, Is.EqualTo(PostgresErrorCodes.UniqueViolation));
    }

    [Test]
    public async Task Groups_AreNotLimitedByThePairIndex()
    {
        const string insert = "INSERT INTO conversations (type, name, created_at, updated_at) VALUES ('group', 'Grade 9', now(), now())";
        await Db.ExecuteAsync(insert);
        await Db.ExecuteAsync(insert);

        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM conversations"), Is.EqualTo(2));
    }

    [Test]
    public async Task ClientMessageId_IsUniquePerSender_NotAcrossSenders()
    {
        await Db.ExecuteAsync("INSERT INTO conversations (id, type, created_at, updated_at) VALUES (1, 'group', now(), now())");
        const string insert = """
            INSERT INTO chat_messages (conversation_id, sender_user_id, message_type, content, client_message_id,
                is_edited, is_deleted, is_forwarded, deleted_for_everyone, is_pinned, created_at, updated_at)
            VALUES (1, $1, 'text', 'hi', 'same-id', false, false, false, false, false, now(), now())
            """;
        await Db.ExecuteAsync(insert, 10);
        await Db.ExecuteAsync(insert, 11);

        var duplicate = Assert.ThrowsAsync<PostgresException>(() => Db.ExecuteAsync(insert, 10));

        Assert.That(duplicate!.SqlState, Is.EqualTo(PostgresErrorCodes.UniqueViolation));
    }
}
