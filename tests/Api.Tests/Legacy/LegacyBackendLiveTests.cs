using System.Text.Json.Nodes;
using Astegni.Chat.Api.Tests.RealtimeData;
using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.TestSupport;
using Astegni.Chat.TestSupport.Legacy;

namespace Astegni.Chat.Api.Tests.Legacy;

/// <summary>
/// Issue 11, the hybrid period: the old backend still writes to the upgraded database while this service runs beside
/// it. Its writes are reproduced as it makes them (SQL in the legacy shape, profile-keyed, Fernet-encrypted) and must
/// reach this service's clients live, readable, and move one read state. Abebe (user 1, tutor profile 1) and Almaz
/// (user 2, student profile 1) share the fixture's direct chat 10.
/// </summary>
[NonParallelizable]
public sealed class LegacyBackendLiveTests
{
    private const int Abebe = 1;
    private const int Almaz = 2;
    private const int Chat = 10;
    private static readonly TimeSpan WithinASecond = TimeSpan.FromSeconds(1);

    private LegacyBackend _old = null!;
    private LegacyHost _host = null!;
    private TestUser _abebe = null!;
    private TestUser _almaz = null!;

    [OneTimeSetUp]
    public async Task UpgradeALegacyDatabase_AndServeIt()
    {
        var db = await UpgradedLegacyDatabaseAsync("legacy_live");
        _old = new LegacyBackend(db);
        _host = new LegacyHost(db);
        _abebe = _host.User(Abebe);
        _almaz = _host.User(Almaz);
    }

    /// <summary>A new legacy database (the edge-case fixture) upgraded by <c>migrate</c>, with the legacy key.</summary>
    public static async Task<string> UpgradedLegacyDatabaseAsync(string name)
    {
        var db = await LegacyDatabase.CreateAsync(name, LegacyShape.Scripts);
        await new LegacyUpgrade(db).RunAsync(new UpgradeOptions(LegacyTimeZone: LegacyDatabase.TimeZone, LegacyEncryptionKey: LegacyDatabase.FernetKey));
        return db;
    }

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task AMessageTheOldBackendWrites_IsPushedAndShownDecrypted_WithinASecond()
    {
        await using var almazPhone = await HubListener.ConnectAsync(_host.ServerAddress, Almaz, "message_created");

        var id = await LegacySendAsync("Selam from the old app");

        var pushed = await almazPhone.NextAsync("message_created", WithinASecond);
        var history = await _almaz.GetJsonAsync($"/api/chat/messages/{Chat}?limit=5");
        var inList = (await _almaz.GetJsonAsync("/api/chat/conversations"))["conversations"]!.AsArray().Single(c => c!["id"]!.GetValue<int>() == Chat)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pushed.GetProperty("message").GetProperty("id").GetInt32(), Is.EqualTo(id));
            Assert.That(pushed.GetProperty("message").GetProperty("content").GetString(), Is.EqualTo("Selam from the old app"));
            Assert.That(pushed.GetProperty("message").GetProperty("sender_user_id").GetInt32(), Is.EqualTo(Abebe));
            Assert.That(ContentOf(history, id), Is.EqualTo("Selam from the old app"));
            Assert.That(inList["last_message"]!["preview"]!.GetValue<string>(), Is.EqualTo("Selam from the old app"));
            Assert.That(await ScalarAsync($"SELECT content FROM chat_messages WHERE id = {id}"), Is.EqualTo("Selam from the old app"), "stored as text, so search finds it");
        }
    }

    [Test]
    public async Task TextTheKeyDoesNotOpen_IsNeverShown_AndKeptByteForByte()
    {
        var otherKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var token = new FernetWriter(otherKey).Encrypt("sealed", DateTimeOffset.UtcNow);
        await using var almazPhone = await HubListener.ConnectAsync(_host.ServerAddress, Almaz, "message_created");

        var id = await LegacyInsertAsync(token);

        var pushed = await almazPhone.NextAsync("message_created", WithinASecond);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pushed.GetProperty("message").GetProperty("content").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(ContentOf(await _almaz.GetJsonAsync($"/api/chat/messages/{Chat}?limit=5"), id), Is.Null);
            Assert.That(await ScalarAsync($"SELECT undecryptable_content FROM chat_messages WHERE id = {id}"), Is.EqualTo(token));
        }
    }

    [Test]
    public async Task EditsReactionsAndDeletes_OfTheOldBackend_ArePushed()
    {
        var id = await LegacySendAsync("See you at 4");
        await using var almazPhone = await HubListener.ConnectAsync(
            _host.ServerAddress, Almaz, "message_updated", "reaction_changed", "message_deleted");

        await ExecuteAsync($"""
            UPDATE chat_messages SET content = '{LegacyBackend.Encrypt("See you at 5")}', is_edited = TRUE, edited_at = now(), updated_at = now() WHERE id = {id}
            """);
        var edited = await almazPhone.NextAsync("message_updated", WithinASecond);
        await ExecuteAsync($"INSERT INTO message_reactions (message_id, profile_id, profile_type, user_id, reaction, created_at) VALUES ({id}, 1, 'student', 2, '👍', now())");
        var reacted = await almazPhone.NextAsync("reaction_changed", WithinASecond);
        await ExecuteAsync($"UPDATE chat_messages SET is_deleted = TRUE, deleted_for_everyone = TRUE, deleted_at = now() WHERE id = {id}");
        var deleted = await almazPhone.NextAsync("message_deleted", WithinASecond);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(edited.GetProperty("message").GetProperty("content").GetString(), Is.EqualTo("See you at 5"));
            Assert.That(edited.GetProperty("message").GetProperty("is_edited").GetBoolean(), Is.True);
            Assert.That(reacted.GetProperty("reactions")[0].GetProperty("reaction").GetString(), Is.EqualTo("👍"));
            Assert.That(deleted.GetProperty("message_id").GetInt32(), Is.EqualTo(id));
        }
    }

    [Test]
    public async Task APinAndADeleteForMe_InTheOldApp_ArePushed_AndTheHiddenMessageLeavesMyHistory()
    {
        var id = await LegacySendAsync("Pin this, please");
        await using var almazPhone = await HubListener.ConnectAsync(_host.ServerAddress, Almaz, "message_updated", "message_deleted");

        await ExecuteAsync($"UPDATE chat_messages SET is_pinned = TRUE, pinned_at = now(), pinned_by_profile_id = 1, pinned_by_profile_type = 'student' WHERE id = {id}");
        var pinned = await almazPhone.NextAsync("message_updated", WithinASecond);
        await ExecuteAsync($"UPDATE chat_messages SET deleted_for_user_ids = '[{Almaz}]' WHERE id = {id}");
        var hidden = await almazPhone.NextAsync("message_deleted", WithinASecond);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pinned.GetProperty("message").GetProperty("is_pinned").GetBoolean(), Is.True);
            Assert.That(hidden.GetProperty("message_id").GetInt32(), Is.EqualTo(id));
            Assert.That(await _almaz.HistoryIdsAsync(Chat), Does.Not.Contain(id), "hidden for Almaz, as the old app shows it");
            Assert.That(await _abebe.HistoryIdsAsync(Chat), Does.Contain(id), "and only for her");
        }
    }

    [Test]
    public async Task AReadInTheOldApp_MovesThisServicesReadPosition_ForwardOnly()
    {
        var first = await _abebe.SendIdAsync(Chat, "Question one");
        var second = await _abebe.SendIdAsync(Chat, "Question two");
        // Abebe shares no read receipts in the fixture, so only the reader's own devices hear of it.
        await using var almazLaptop = await HubListener.ConnectAsync(_host.ServerAddress, Almaz, "read_updated");

        await ExecuteAsync($"UPDATE conversation_participants SET last_read_at = now() WHERE conversation_id = {Chat} AND user_id = {Almaz}");
        var receipt = await almazLaptop.NextAsync("read_updated", WithinASecond);
        var unreadAfterRead = await UnreadAsync(_almaz);
        await ExecuteAsync($"UPDATE conversation_participants SET last_read_at = now() - interval '1 day' WHERE conversation_id = {Chat} AND user_id = {Almaz}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(receipt.GetProperty("user_id").GetInt32(), Is.EqualTo(Almaz));
            Assert.That(receipt.GetProperty("last_read_message_id").GetInt32(), Is.EqualTo(second));
            Assert.That(unreadAfterRead, Is.Zero);
            Assert.That(await ScalarAsync($"SELECT last_read_message_id::text FROM conversation_participants WHERE conversation_id = {Chat} AND user_id = {Almaz}"),
                Is.EqualTo(second.ToString(System.Globalization.CultureInfo.InvariantCulture)), "an older read time never moves the position back");
            Assert.That(first, Is.LessThan(second));
        }
    }

    [Test]
    public async Task AReadHere_ClearsTheOldAppsUnread()
    {
        var id = await LegacySendAsync("Did you read this?");

        await _almaz.MarkReadAsync(Chat, id).NoContentAsync();

        // The old backend counts unread messages from last_read_at.
        Assert.That(await ScalarAsync($"""
            SELECT count(*)::text FROM chat_messages m JOIN conversation_participants p ON p.conversation_id = m.conversation_id AND p.user_id = {Almaz}
             WHERE m.conversation_id = {Chat} AND m.sender_user_id <> {Almaz} AND m.created_at > p.last_read_at
            """), Is.EqualTo("0"));
    }

    [Test]
    public async Task ThisServicesOwnWrites_AreNotRelayedAgain()
    {
        await using var almazPhone = await HubListener.ConnectAsync(_host.ServerAddress, Almaz, "message_created");

        await _abebe.SendIdAsync(Chat, "Sent through the new app");
        await almazPhone.NextAsync("message_created");
        await Task.Delay(HubListener.Quiet);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(almazPhone.All("message_created").Count, Is.EqualTo(1));
            Assert.That(await ScalarAsync("SELECT count(*)::text FROM chat_legacy_changes"), Is.EqualTo("0"));
        }
    }

    [Test]
    public async Task WhenTheListenersConnectionDrops_ItReconnects_AndRelaysWhatWasWrittenMeanwhile()
    {
        await using var almazPhone = await HubListener.ConnectAsync(_host.ServerAddress, Almaz, "message_created");

        await ExecuteAsync("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()
            """);
        var id = await LegacySendAsync("Written while the listener was away");

        var pushed = await almazPhone.NextAsync("message_created", TimeSpan.FromSeconds(10));
        Assert.That(pushed.GetProperty("message").GetProperty("id").GetInt32(), Is.EqualTo(id));
    }

    /// <summary>What the old backend does when Abebe, as tutor, sends <paramref name="text"/> in chat 10.</summary>
    private Task<int> LegacySendAsync(string text) => _old.SendAsync(Chat, 1, "tutor", text);

    private Task<int> LegacyInsertAsync(string content) => _old.InsertAsync(Chat, 1, "tutor", content);

    private static string? ContentOf(JsonNode history, int id) =>
        history["messages"]!.AsArray().Single(m => m!["id"]!.GetValue<int>() == id)!["content"]?.GetValue<string>();

    private static async Task<int> UnreadAsync(TestUser user) =>
        (await user.GetJsonAsync("/api/chat/conversations"))["conversations"]!.AsArray()
        .Single(c => c!["id"]!.GetValue<int>() == Chat)!["unread_count"]!.GetValue<int>();

    private Task ExecuteAsync(string sql) => _old.ExecuteAsync(sql);

    private Task<string?> ScalarAsync(string sql) => _old.ScalarAsync(sql);
}
