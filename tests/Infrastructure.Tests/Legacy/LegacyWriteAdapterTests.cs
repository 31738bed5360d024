using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.TestSupport.Legacy;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Tests.Legacy;

/// <summary>
/// The write adapter's triggers resolve users for the legacy backend's profile-keyed writes only: this
/// module's own updates (mark read, edit, pin) name no profile column, so they neither pay the trigger
/// function nor get their user columns overwritten from a row's old profile.
/// </summary>
public sealed class LegacyWriteAdapterTests
{
    private string db = null!;

    [OneTimeSetUp]
    public async Task UpgradeALegacyDatabase()
    {
        db = await LegacyDatabase.CreateAsync("legacy_write_adapter", LegacyShape.Scripts);
        await new LegacyUpgrade(db).RunAsync(Options.Upgrade);
    }

    [TestCase("UPDATE conversation_participants SET last_read_message_id = 101, last_read_at = now() WHERE conversation_id = 10 AND user_id = 2",
        "chat_resolve_conversation_participants", TestName = "Marking read does not call the trigger function")]
    [TestCase("UPDATE chat_messages SET content = 'edited', is_edited = TRUE, edited_at = now() WHERE id = 101",
        "chat_resolve_chat_messages", TestName = "Editing a message does not call the trigger function")]
    public async Task ThisModulesUpdate_CallsNoTriggerFunction(string update, string function) =>
        Assert.That(await FunctionCallsDuringAsync(update, function), Is.Zero);

    [Test]
    public async Task TheLegacyBackendsUpdateOfAProfileColumn_StillResolvesTheUser()
    {
        var calls = await FunctionCallsDuringAsync(
            "UPDATE conversation_participants SET profile_type = 'tutor' WHERE conversation_id = 10 AND user_id = 1", "chat_resolve_conversation_participants");

        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task PinningAMessageTheLegacyBackendPinned_KeepsTheNewPinner()
    {
        // Message 101 was pinned in the legacy era by Abebe's tutor profile; Almaz (user 2) pins it now.
        var pinnedBy = await ScalarAsync(
            "UPDATE chat_messages SET is_pinned = TRUE, pinned_at = now(), pinned_by_user_id = 2 WHERE id = 101 RETURNING pinned_by_user_id");

        Assert.That(pinnedBy, Is.EqualTo(2));
    }

    /// <summary>How often <paramref name="function"/> ran during <paramref name="update"/>, which is rolled back.</summary>
    private async Task<long> FunctionCallsDuringAsync(string update, string function)
    {
        // A session of its own: a pooled one may still hold, unflushed, the function counts of its earlier transactions.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var track = new NpgsqlCommand($"SET LOCAL track_functions = 'pl'; {update}", connection, transaction))
        {
            await track.ExecuteNonQueryAsync();
        }

        await using var count = new NpgsqlCommand(
            "SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions WHERE funcname = $1", connection, transaction);
        count.Parameters.AddWithValue(function);
        var calls = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await transaction.RollbackAsync();
        return calls;
    }

    private async Task<int> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        var value = (int)(await command.ExecuteScalarAsync())!;
        await transaction.RollbackAsync();
        return value;
    }
}
