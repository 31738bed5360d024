using Astegni.Chat.TestSupport;
using Astegni.Chat.TestSupport.Legacy;

namespace Astegni.Chat.Infrastructure.Tests.Legacy;

/// <summary>The fixtures themselves: both legacy shapes load, and differ the way real databases do.</summary>
public sealed class LegacyFixtureTests
{
    [Test]
    public async Task ScriptShape_HasConstraints_AndJsonb()
    {
        var cs = await LegacyDatabase.CreateAsync("legacy_fixture_scripts", LegacyShape.Scripts);
        var db = new Probe(cs);

        Assert.That(await db.ScalarAsync<long>("SELECT count(*) FROM pg_constraint WHERE contype = 'c' AND conrelid = 'chat_messages'::regclass"), Is.Positive);
        Assert.That(await db.ScalarAsync<string>("SELECT data_type FROM information_schema.columns WHERE table_name = 'chat_messages' AND column_name = 'deleted_for_user_ids'"), Is.EqualTo("jsonb"));
        Assert.That(await db.ScalarAsync<long>("SELECT count(*) FROM chat_messages"), Is.EqualTo(9));
        Assert.That(await db.ScalarAsync<bool>("SELECT is_edited FROM chat_messages WHERE id = 100"), Is.False, "server default");
    }

    [Test]
    public async Task OrmShape_HasNoConstraintsOrDefaults_JsonAndNulls()
    {
        var cs = await LegacyDatabase.CreateAsync("legacy_fixture_orm", LegacyShape.Orm);
        var db = new Probe(cs);

        Assert.That(await db.ScalarAsync<long>("SELECT count(*) FROM pg_constraint WHERE contype IN ('c', 'u') AND connamespace = 'public'::regnamespace"), Is.Zero);
        Assert.That(await db.ScalarAsync<string>("SELECT data_type FROM information_schema.columns WHERE table_name = 'chat_messages' AND column_name = 'deleted_for_user_ids'"), Is.EqualTo("json"));
        Assert.That(await db.ScalarAsync<bool>("SELECT to_regclass('advertiser_profiles') IS NULL"), Is.True);
        Assert.That(await db.ScalarAsync<bool>("SELECT is_edited IS NULL FROM chat_messages WHERE id = 100"), Is.True, "no server default: NULL");
        Assert.That(await db.ScalarAsync<string>("SELECT message_type FROM chat_messages WHERE id = 140"), Is.EqualTo("session_request"));
    }

    private sealed class Probe(string connectionString)
    {
        public async Task<T> ScalarAsync<T>(string sql)
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            return (T)(await command.ExecuteScalarAsync())!;
        }
    }
}
