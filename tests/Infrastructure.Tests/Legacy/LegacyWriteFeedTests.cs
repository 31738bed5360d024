using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.TestSupport;
using Astegni.Chat.TestSupport.Legacy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Tests.Legacy;

/// <summary>
/// The relay's read side of the hybrid period (<see cref="PostgresLegacyWriteFeed"/>): what the old backend writes is
/// taken once and made readable, and never made older than what the old backend wrote last.
/// </summary>
[NonParallelizable]
public sealed class LegacyWriteFeedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private string _db = null!;

    [OneTimeSetUp]
    public async Task UpgradeALegacyDatabase()
    {
        _db = await LegacyDatabase.CreateAsync("legacy_write_feed", LegacyShape.Scripts);
        await new LegacyUpgrade(_db).RunAsync(new UpgradeOptions(LegacyTimeZone: LegacyDatabase.TimeZone, LegacyEncryptionKey: LegacyDatabase.FernetKey));
    }

    [Test]
    public async Task AnEditTheOldBackendCommits_WhileItsMessageIsBeingDecrypted_IsNotOverwrittenWithTheOlderText()
    {
        var id = await ScalarAsync<int>($"""
            INSERT INTO chat_messages (conversation_id, sender_profile_id, sender_profile_type, message_type, content, created_at, updated_at)
            VALUES (10, 1, 'tutor', 'text', '{Encrypt("See you at 4")}', now(), now()) RETURNING id
            """);
        // The old backend's edit, not yet committed: it holds the row while the relay reads the text it had before.
        await using var oldBackend = new NpgsqlConnection(_db);
        await oldBackend.OpenAsync();
        await using var edit = await oldBackend.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand($"UPDATE chat_messages SET content = '{Encrypt("See you at 5")}', is_edited = TRUE WHERE id = {id}", oldBackend, edit))
        {
            await update.ExecuteNonQueryAsync();
        }

        var firstTake = TakeAsync();
        await WaitUntilTheRelayWaitsForTheRowAsync();
        await edit.CommitAsync();
        var first = await firstTake;
        var afterFirst = await ScalarAsync<string>($"SELECT content FROM chat_messages WHERE id = {id}");
        var second = await TakeAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(new[] { "MessageCreated" }));
            Assert.That(afterFirst, Does.StartWith("gAAAAA"), "the edit stands, still as the old backend wrote it");
            Assert.That(second, Is.EqualTo(new[] { "MessageEdited" }));
            Assert.That(await ScalarAsync<string>($"SELECT content FROM chat_messages WHERE id = {id}"), Is.EqualTo("See you at 5"));
        }
    }

    [Test]
    public async Task EachWrite_IsTakenOnce()
    {
        await ScalarAsync<int>($"""
            INSERT INTO chat_messages (conversation_id, sender_profile_id, sender_profile_type, message_type, content, created_at, updated_at)
            VALUES (10, 1, 'tutor', 'text', '{Encrypt("Once")}', now(), now()) RETURNING id
            """);

        var first = await TakeAsync();
        var second = await TakeAsync();

        Assert.That((first, second), Is.EqualTo((new[] { "MessageCreated" }, Array.Empty<string>())));
    }

    private static string Encrypt(string text) => new FernetWriter(LegacyDatabase.FernetKey).Encrypt(text, DateTimeOffset.UtcNow);

    /// <summary>One relay batch, in its own transaction as the relay runs it; answers the kinds of the writes taken.</summary>
    private async Task<string[]> TakeAsync()
    {
        await using var db = TestDatabase.NewContext(_db);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var feed = new PostgresLegacyWriteFeed(db, Microsoft.Extensions.Options.Options.Create(new LegacyOptions { ChatEncryptionKey = LegacyDatabase.FernetKey }));
        var writes = await feed.TakeAsync(100, CancellationToken.None);
        await transaction.CommitAsync();
        return writes.Select(w => w.Kind.ToString()).ToArray();
    }

    private async Task WaitUntilTheRelayWaitsForTheRowAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (await ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 0)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the relay never reached the row the edit holds");
            await Task.Delay(20);
        }
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
