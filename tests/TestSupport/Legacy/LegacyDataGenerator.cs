using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Astegni.Chat.TestSupport.Legacy;

/// <summary>Sizes of a generated legacy database.</summary>
public sealed record LegacySize(int Users, int Conversations, int Messages)
{
    public static readonly LegacySize Benchmark = new(10_000, 100_000, 1_000_000);
}

/// <summary>
/// Fills a profile-era (migration-scripts shape) Astegni database of realistic shape: users with one to
/// three role profiles, direct chats between profiles with a few percent of duplicate pairs and
/// self-chats, some groups, messages mostly Fernet-encrypted, reactions, blocks, settings per profile
/// and calls logged twice. Deterministic: the same size gives the same database.
/// </summary>
public static class LegacyDataGenerator
{
    /// <param name="serverConnectionString">The server to create it on; default the tests' (CHAT_TEST_CONNECTION).</param>
    public static async Task<string> CreateAsync(string name, LegacySize size, string? serverConnectionString = null)
    {
        var connectionString = await LegacyDatabase.CreateAsync(name, LegacyShape.Scripts, withRows: false, serverConnectionString);
        await LegacyDatabase.ExecuteAsync(connectionString, Structure(size));
        await CopyMessagesAsync(connectionString, size);
        await LegacyDatabase.ExecuteAsync(connectionString, Extras());
        return connectionString;
    }

    // Users; profiles (student for 2/3, tutor for 2/3, parent for 1/7 of users: ids collide across tables);
    // conversations between two profiles, every 40th between two profiles of one person (a self-chat),
    // every 25th repeating the previous pair through other profiles (a duplicate); every 20th a group.
    private static string Structure(LegacySize size) => string.Create(CultureInfo.InvariantCulture, $"""
        INSERT INTO users (id, email, first_name, father_name, last_name, is_active)
        SELECT g, 'user' || g || '@bench.astegni.et', 'First' || g, 'Father' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE 'Last' || g END, TRUE
          FROM generate_series(1, {size.Users}) g;
        SELECT setval(pg_get_serial_sequence('users', 'id'), {size.Users});
        INSERT INTO student_profiles (user_id) SELECT g FROM generate_series(1, {size.Users}) g WHERE g % 3 <> 2;
        INSERT INTO tutor_profiles (user_id) SELECT g FROM generate_series(1, {size.Users}) g WHERE g % 3 <> 0;
        INSERT INTO parent_profiles (user_id) SELECT g FROM generate_series(1, {size.Users}) g WHERE g % 7 = 0;
        CREATE TABLE gen_profiles AS
            SELECT row_number() OVER (ORDER BY user_id, type) AS n, type, id, user_id FROM (
                SELECT 'student' AS type, id, user_id FROM student_profiles
                UNION ALL SELECT 'tutor', id, user_id FROM tutor_profiles
                UNION ALL SELECT 'parent', id, user_id FROM parent_profiles) p;
        CREATE INDEX ON gen_profiles (n);
        CREATE INDEX ON gen_profiles (user_id);
        CREATE TABLE gen_pairs AS
            SELECT g AS conversation_id,
                   CASE WHEN g % 20 = 0 THEN 'group' ELSE 'direct' END AS type,
                   1 + abs(hashint4(g)::bigint) % (SELECT count(*) FROM gen_profiles) AS a,
                   1 + abs(hashint4(g + 1000003)::bigint) % (SELECT count(*) FROM gen_profiles) AS b
              FROM generate_series(1, {size.Conversations}) g;
        -- self-chats: the second profile is another profile of the first person, when they have one
        UPDATE gen_pairs s SET b = o.n
          FROM gen_profiles a, gen_profiles o
         WHERE s.conversation_id % 40 = 1 AND s.type = 'direct' AND a.n = s.a AND o.user_id = a.user_id AND o.n <> a.n;
        -- duplicates: the same two people as the previous conversation, through their other profiles
        UPDATE gen_pairs s SET a = COALESCE((SELECT o.n FROM gen_profiles pa JOIN gen_profiles o ON o.user_id = pa.user_id AND o.n <> pa.n WHERE pa.n = p.a LIMIT 1), p.a),
                               b = COALESCE((SELECT o.n FROM gen_profiles pb JOIN gen_profiles o ON o.user_id = pb.user_id AND o.n <> pb.n WHERE pb.n = p.b LIMIT 1), p.b)
          FROM gen_pairs p
         WHERE s.conversation_id % 25 = 0 AND s.type = 'direct' AND p.conversation_id = s.conversation_id - 1 AND p.type = 'direct';
        INSERT INTO conversations (id, type, name, created_by_profile_id, created_by_profile_type, created_at, updated_at, last_message_at)
        SELECT s.conversation_id, s.type, CASE WHEN s.type = 'group' THEN 'Group ' || s.conversation_id END, pa.id, pa.type,
               timestamp '2024-01-01' + s.conversation_id * interval '1 minute', timestamp '2024-01-01' + s.conversation_id * interval '1 minute', NULL
          FROM gen_pairs s JOIN gen_profiles pa ON pa.n = s.a;
        SELECT setval(pg_get_serial_sequence('conversations', 'id'), {size.Conversations});
        INSERT INTO conversation_participants (conversation_id, profile_id, profile_type, user_id, role, joined_at)
        SELECT s.conversation_id, p.id, p.type, p.user_id, CASE WHEN p.n = s.a AND s.type = 'group' THEN 'admin' ELSE 'member' END,
               timestamp '2024-01-01' + s.conversation_id * interval '1 minute'
          FROM gen_pairs s JOIN gen_profiles p ON p.n IN (s.a, s.b)
        ON CONFLICT DO NOTHING;
        -- groups get three more members
        INSERT INTO conversation_participants (conversation_id, profile_id, profile_type, user_id, role, joined_at)
        SELECT s.conversation_id, p.id, p.type, p.user_id, 'member', timestamp '2024-01-01' + s.conversation_id * interval '1 minute'
          FROM gen_pairs s CROSS JOIN generate_series(1, 3) k
          JOIN gen_profiles p ON p.n = 1 + (s.a + k * 977) % (SELECT count(*) FROM gen_profiles)
         WHERE s.type = 'group'
        ON CONFLICT DO NOTHING;
        """);

    /// <summary>Messages through binary COPY: most text encrypted as the legacy backend stored it.</summary>
    private static async Task CopyMessagesAsync(string connectionString, LegacySize size)
    {
        var participants = new Dictionary<int, List<(int ProfileId, string Type, int UserId)>>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT conversation_id, profile_id, profile_type, user_id FROM conversation_participants", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var id = reader.GetInt32(0);
                if (!participants.TryGetValue(id, out var list))
                {
                    participants[id] = list = [];
                }

                list.Add((reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3)));
            }
        }

        var fernet = new FernetWriter(LegacyDatabase.FernetKey);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        await using var target = new NpgsqlConnection(connectionString);
        await target.OpenAsync();
        await using (var import = await target.BeginBinaryImportAsync("""
            COPY chat_messages (conversation_id, sender_profile_id, sender_profile_type, sender_user_id, message_type, content,
                                created_at, updated_at, is_edited, is_deleted, deleted_for_everyone, is_pinned, is_forwarded, deleted_for_user_ids)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < size.Messages; i++)
            {
                var conversationId = 1 + (int)((i * 48271L) % size.Conversations);
                var members = participants[conversationId];
                var sender = members[i % members.Count];
                var at = start.AddSeconds(i * 30L);
                var text = $"Message {i}: homework for lesson {i % 50}, see page {i % 300}";
                var content = i % 5 == 4 ? text : fernet.Encrypt(text, new DateTimeOffset(at, TimeSpan.Zero));
                await import.StartRowAsync();
                await import.WriteAsync(conversationId, NpgsqlDbType.Integer);
                await import.WriteAsync(sender.ProfileId, NpgsqlDbType.Integer);
                await import.WriteAsync(sender.Type, NpgsqlDbType.Varchar);
                await import.WriteAsync(sender.UserId, NpgsqlDbType.Integer);
                await import.WriteAsync("text", NpgsqlDbType.Varchar);
                await import.WriteAsync(content, NpgsqlDbType.Text);
                await import.WriteAsync(at, NpgsqlDbType.Timestamp);
                await import.WriteAsync(at, NpgsqlDbType.Timestamp);
                await import.WriteAsync(false, NpgsqlDbType.Boolean);
                await import.WriteAsync(false, NpgsqlDbType.Boolean);
                await import.WriteAsync(false, NpgsqlDbType.Boolean);
                await import.WriteAsync(i % 1000 == 0, NpgsqlDbType.Boolean);
                await import.WriteAsync(false, NpgsqlDbType.Boolean);
                await import.WriteAsync(i % 200 == 0 ? "[" + sender.UserId.ToString(CultureInfo.InvariantCulture) + "]" : "[]", NpgsqlDbType.Jsonb);
            }

            await import.CompleteAsync();
        }
    }

    // Reactions from two profiles of one person, settings per profile, blocks from two profiles, calls
    // logged once per side; then ANALYZE, as a live database would be.
    private static string Extras() => """
        INSERT INTO message_reactions (message_id, profile_id, profile_type, user_id, reaction, created_at)
        SELECT m.id, p.id, p.type, p.user_id, CASE WHEN p.type = 'tutor' THEN '👍' ELSE '❤️' END, m.created_at
          FROM chat_messages m JOIN gen_profiles p ON p.user_id = m.sender_user_id
         WHERE m.id % 50 = 0
        ON CONFLICT DO NOTHING;
        INSERT INTO chat_settings (user_id, profile_id, profile_type, who_can_message, read_receipts, updated_at)
        SELECT user_id, id, type, CASE WHEN n % 11 = 0 THEN 'connections' ELSE 'everyone' END, n % 13 <> 0, timestamp '2024-06-01' + n * interval '1 minute'
          FROM gen_profiles WHERE n % 3 = 0;
        INSERT INTO blocked_chat_contacts (blocker_profile_id, blocker_profile_type, blocker_user_id, blocked_profile_id, blocked_profile_type, blocked_user_id, blocked_at)
        SELECT a.id, a.type, a.user_id, b.id, b.type, b.user_id, timestamp '2024-07-01' + a.n * interval '1 minute'
          FROM gen_profiles a JOIN gen_profiles b ON b.n = 1 + (a.n * 31) % (SELECT count(*) FROM gen_profiles)
         WHERE a.n % 97 = 0 AND a.user_id <> b.user_id
        ON CONFLICT DO NOTHING;
        INSERT INTO call_logs (conversation_id, caller_profile_id, caller_profile_type, caller_user_id, call_type, status, started_at, answered_at, ended_at, duration_seconds, created_at)
        SELECT c.id, p.profile_id, p.profile_type, p.user_id, 'video', side.status, c.created_at + side.lag, c.created_at + interval '5 seconds',
               CASE WHEN side.status = 'ended' THEN c.created_at + interval '65 seconds' END, NULL, c.created_at
          FROM conversations c
          JOIN LATERAL (SELECT * FROM conversation_participants x WHERE x.conversation_id = c.id ORDER BY x.id LIMIT 1) p ON TRUE
          CROSS JOIN (VALUES ('ended', interval '0 seconds'), ('answered', interval '1 second')) side(status, lag)
         WHERE c.id % 10 = 0;
        SELECT setval(pg_get_serial_sequence('chat_messages', 'id'), (SELECT max(id) FROM chat_messages));
        DROP TABLE gen_pairs;
        DROP TABLE gen_profiles;
        ANALYZE;
        """;
}
