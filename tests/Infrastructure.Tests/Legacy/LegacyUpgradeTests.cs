using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.TestSupport.Legacy;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Tests.Legacy;

/// <summary>
/// Each merge and re-keying rule of the legacy upgrade, on the fixture row made for it, in both
/// legacy shapes. The fixture's story is in tests/TestSupport/Legacy/edge_cases.sql.
/// </summary>
[TestFixture(LegacyShape.Scripts)]
[TestFixture(LegacyShape.Orm)]
public sealed class LegacyUpgradeTests(LegacyShape shape)
{
    private string _db = null!;
    private UpgradeReport _report = null!;

    [OneTimeSetUp]
    public async Task Upgrade()
    {
        _db = await LegacyDatabase.CreateAsync($"legacy_rules_{shape.ToString().ToLowerInvariant()}", shape);
        _report = await new LegacyUpgrade(_db).RunAsync(Options.Upgrade);
        TestContext.Out.WriteLine(_report.ToText());
        Assert.That(_report.Outcome, Is.EqualTo("upgraded"));
    }

    [Test]
    public async Task OnePersonTwiceInAGroup_IsOneMembership_AdminWithTheEarliestJoin()
    {
        var rows = await RowsAsync("SELECT role || ' ' || to_char(joined_at AT TIME ZONE 'UTC', 'HH24:MI') FROM conversation_participants WHERE conversation_id = 13 AND user_id = 1");

        Assert.That(rows, Is.EqualTo(new[] { "admin 04:02" }), "admin from the parent profile, joined 07:02 Addis Ababa time as tutor");
    }

    [Test]
    public async Task TwoDirectChatsOfOnePair_AreOneConversation_WithBothHistoriesInTimeOrder()
    {
        var messages = await RowsAsync("SELECT id::text FROM chat_messages WHERE conversation_id = 10 ORDER BY created_at, id");
        var alias = await RowsAsync("SELECT conversation_id::text FROM chat_conversation_aliases WHERE alias_id = 11");
        var pair = await RowsAsync("SELECT direct_user_low_id || '-' || direct_user_high_id FROM conversations WHERE id = 10");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(messages, Is.EqualTo(new[] { "100", "110", "101", "111", "103", "102" }));
            Assert.That(await CountAsync("SELECT count(*) FROM conversations WHERE id = 11"), Is.Zero);
            Assert.That(alias, Is.EqualTo(new[] { "10" }), "the old id still leads to the conversation");
            Assert.That(pair, Is.EqualTo(new[] { "1-2" }));
            Assert.That(await CountAsync("SELECT count(*) FROM conversation_participants WHERE conversation_id = 10"), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task ChatBetweenTwoProfilesOfOnePerson_BecomesTheirNotes()
    {
        var rows = await RowsAsync("SELECT type || ' ' || direct_user_low_id || '-' || direct_user_high_id FROM conversations WHERE id = 12");

        Assert.That(rows, Is.EqualTo(new[] { "notes 3-3" }));
        Assert.That(await CountAsync("SELECT count(*) FROM conversation_participants WHERE conversation_id = 12"), Is.EqualTo(1));
    }

    [Test]
    public async Task SettingsRows_MergeToOne_MostRestrictivePrivacy_NewestPreferences()
    {
        var abebe = await RowsAsync("SELECT who_can_message || ' ' || last_seen_visibility || ' ' || read_receipts || ' ' || font_size FROM chat_settings WHERE user_id = 1");
        var dawit = await RowsAsync("SELECT who_can_message FROM chat_settings WHERE user_id = 3");

        Assert.That(abebe, Is.EqualTo(new[] { "connections nobody false small" }));
        Assert.That(dawit, Is.EqualTo(new[] { "connections" }), "the unknown 'friends' is read as connections");
    }

    [Test]
    public async Task BlockFromTwoProfiles_IsOneBlock_TheEarliest()
    {
        var rows = await RowsAsync("SELECT blocker_user_id || '>' || blocked_user_id || ' ' || COALESCE(reason, '-') || ' ' || to_char(blocked_at AT TIME ZONE 'UTC', 'MM-DD HH24:MI') FROM blocked_chat_contacts ORDER BY 1");

        Assert.That(rows, Is.EqualTo(new[] { "1>3 spam 02-05 07:00", "4>6 rude 02-07 07:00" }));
    }

    [Test]
    public async Task ReactionsFromTwoProfiles_AreOnePerUser_TheLatest_AndAWrongUserIdIsCorrected()
    {
        var rows = await RowsAsync("SELECT message_id || ' ' || user_id || ' ' || reaction FROM message_reactions ORDER BY 1");

        Assert.That(rows, Is.EqualTo(new[] { "101 1 ❤️", "130 2 👍" }));
    }

    [Test]
    public async Task Pins_AreKeyedByUser()
    {
        var rows = await RowsAsync("SELECT id || ' ' || pinned_by_user_id FROM chat_messages WHERE is_pinned");

        Assert.That(rows, Is.EqualTo(new[] { "101 1" }));
    }

    [Test]
    public async Task Creator_IsResolvedThroughTheProfileTables()
    {
        Assert.That(await RowsAsync("SELECT created_by_user_id::text FROM conversations WHERE id = 13"), Is.EqualTo(new[] { "3" }));
    }

    [Test]
    public async Task LegacyWallClockTimes_AreReadInTheLegacyTimeZone()
    {
        var rows = await RowsAsync("SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM chat_messages WHERE id = 120");

        Assert.That(rows, Is.EqualTo(new[] { "2025-02-02 05:05" }), "08:05 in Addis Ababa is 05:05 UTC");
        Assert.That(_report.LegacyTimeZone, Is.EqualTo(LegacyDatabase.TimeZone));
    }

    [Test]
    public async Task EncryptedContent_IsDecrypted_AndWhatDoesNotVerify_IsKeptAsideByteForByte()
    {
        var rows = await RowsAsync("SELECT id || ' ' || COALESCE(content, '<none>') FROM chat_messages WHERE id IN (100, 110, 103) ORDER BY id");
        var aside = await RowsAsync("SELECT undecryptable_content FROM chat_messages WHERE id = 103");

        Assert.That(rows, Is.EqualTo(new[] { "100 ሰላም Selam", "103 <none>", "110 hello" }));
        Assert.That(aside, Is.EqualTo(new[] { "gAAAAABnotdecryptablewiththelegacykeyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==" }));
        Assert.That(_report.Counts["content.undecryptable_preserved"], Is.EqualTo(1));
    }

    [Test]
    public async Task DeletedForMeLists_BecomeRowsPerUser()
    {
        Assert.That(await RowsAsync("SELECT message_id || ' ' || user_id FROM chat_message_deletions"), Is.EqualTo(new[] { "102 2" }));
    }

    [Test]
    public async Task CallLoggedOncePerSide_IsOneCall_WithServerComputedDuration()
    {
        var rows = await RowsAsync("SELECT call_type || ' ' || status || ' ' || COALESCE(duration_seconds::text, '-') FROM call_logs WHERE conversation_id = 10 ORDER BY started_at");

        Assert.That(rows, Is.EqualTo(new[] { "video ended 300", "voice missed -" }), "the missed call came along with the merged conversation 11");
    }

    [Test]
    public async Task ReadPosition_IsDerivedFromTheLegacyReadTime()
    {
        var rows = await RowsAsync("SELECT last_read_message_id::text FROM conversation_participants WHERE conversation_id = 10 AND user_id = 2");

        Assert.That(rows, Is.EqualTo(new[] { "111" }), "Almaz had read up to 09:26 across both merged chats");
    }

    [Test]
    public void EveryTable_Reconciles_BeforeEqualsAfterPlusMergedPlusOrphaned() =>
        Assert.That(_report.Tables.Where(t => !t.Value.Reconciles).Select(t => t.Key), Is.Empty);

    [Test]
    public async Task NoForeignKey_PointsAtUsers()
    {
        var keys = await CountAsync("""
            SELECT count(*) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
             WHERE k.contype = 'f' AND k.confrelid = 'users'::regclass
               AND c.relname IN ('conversations', 'conversation_participants', 'chat_messages', 'message_reactions', 'call_logs', 'blocked_chat_contacts', 'chat_settings')
            """);

        Assert.That(keys, Is.Zero, "deleting a user must not be blocked by chat rows");
    }

    [Test]
    public async Task LegacyColumns_StayForTheOldBackend()
    {
        Assert.That(await CountAsync("SELECT count(*) FROM conversation_participants WHERE profile_id IS NOT NULL"), Is.Positive);
        Assert.That(await CountAsync("SELECT count(*) FROM chat_messages WHERE sender_profile_type IS NOT NULL"), Is.Positive);
    }

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_db);
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

    private async Task<long> CountAsync(string sql) => long.Parse((await RowsAsync($"SELECT ({sql})::text"))[0], System.Globalization.CultureInfo.InvariantCulture);
}
