using System.Diagnostics;

namespace Astegni.Chat.Benchmarks;

/// <summary>
/// The data behind (d): one viewer in <c>viewerConversations</c> direct chats, three times as many
/// direct chats between other people, and messages spread evenly (by a hash of their sequence number,
/// so every run is the same) over all of them. Loaded with INSERT ... SELECT generate_series.
/// The viewer has read every chat up to its newest message except every tenth, where the 3 newest are unread.
/// </summary>
public sealed class ListDataset(BenchDatabase database, int viewerConversations)
{
    public const int OtherConversationsPerViewerConversation = 3;

    private static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public int ViewerId { get; private set; }

    public long MessageCount { get; private set; }

    public int ConversationCount => viewerConversations * (1 + OtherConversationsPerViewerConversation);

    public async Task CreateConversationsAsync()
    {
        ViewerId = (await database.AddUsersAsync("viewer", 1))[0];
        var partners = await database.AddUsersAsync("partner", viewerConversations);
        var others = await database.AddUsersAsync("other", 2 * OtherConversationsPerViewerConversation * viewerConversations);
        var half = others.Length / 2;

        // Conversations start a day before the first message; the ones with no message yet sort by creation.
        await database.ExecuteAsync("""
            INSERT INTO conversations (type, created_by_user_id, direct_user_low_id, direct_user_high_id, created_at, updated_at)
            SELECT 'direct', low, low, high, $3, $3 FROM unnest($1::int[], $2::int[]) AS pair(low, high)
            """,
            Enumerable.Repeat(ViewerId, partners.Length).Concat(others[..half]).ToArray(),
            partners.Concat(others[half..]).ToArray(),
            Epoch.AddDays(-1));
        await database.ExecuteAsync("""
            INSERT INTO conversation_participants
                (conversation_id, user_id, role, is_active, joined_at, is_muted, is_archived, is_pinned, created_at, updated_at)
            SELECT c.id, member.user_id, 'member', TRUE, c.created_at, FALSE, FALSE, FALSE, c.created_at, c.created_at
            FROM conversations c
            CROSS JOIN LATERAL (VALUES (c.direct_user_low_id), (c.direct_user_high_id)) AS member(user_id)
            """);
        await database.ExecuteAsync("""
            CREATE TABLE bench_conversation_slots AS
            SELECT (row_number() OVER (ORDER BY id))::int - 1 AS slot, id, direct_user_low_id AS low, direct_user_high_id AS high
            FROM conversations;
            ALTER TABLE bench_conversation_slots ADD PRIMARY KEY (slot);
            """);
    }

    /// <summary>Adds messages until there are <paramref name="total"/>; returns how long loading and ANALYZE took.</summary>
    public async Task<TimeSpan> GrowToAsync(long total)
    {
        var started = Stopwatch.GetTimestamp();
        var from = MessageCount + 1;
        await database.ExecuteAsync("""
            INSERT INTO chat_messages (conversation_id, sender_user_id, message_type, content, is_edited, is_deleted,
                                       is_forwarded, deleted_for_everyone, is_pinned, created_at, updated_at)
            SELECT s.id,
                   CASE WHEN hashint8(n + 7) & 1 = 0 THEN s.low ELSE s.high END,
                   'text',
                   'Bench message number ' || n || ', an ordinary line of chat text.',
                   FALSE, FALSE, FALSE, FALSE, FALSE,
                   $3 + n * interval '1 second', $3 + n * interval '1 second'
            FROM generate_series($1::bigint, $2::bigint) AS n
            JOIN bench_conversation_slots s ON s.slot = (hashint8(n)::bigint & 2147483647) % $4
            """,
            from, total, Epoch, ConversationCount);
        await database.ExecuteAsync("""
            UPDATE conversations c SET last_message_at = m.newest, updated_at = m.newest
            FROM (SELECT conversation_id, max(created_at) AS newest FROM chat_messages GROUP BY conversation_id) m
            WHERE m.conversation_id = c.id AND c.last_message_at IS DISTINCT FROM m.newest
            """);
        await database.ExecuteAsync("""
            UPDATE conversation_participants p
            SET last_read_message_id = (
                    SELECT m.id FROM chat_messages m WHERE m.conversation_id = p.conversation_id
                    ORDER BY m.id DESC OFFSET CASE WHEN p.conversation_id % 10 = 0 THEN 3 ELSE 0 END LIMIT 1),
                last_read_at = $2
            WHERE p.user_id = $1
            """,
            ViewerId, Epoch.AddYears(1));
        MessageCount = total;
        await database.ExecuteAsync("VACUUM ANALYZE");
        await database.ExecuteAsync("CHECKPOINT");
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// The viewer sends <paramref name="count"/> messages into their first chat and reads nothing (issue 13: a tutor
    /// broadcasting); returns how long loading and ANALYZE took.
    /// </summary>
    public async Task<TimeSpan> ViewerSendsAsync(int count)
    {
        var started = Stopwatch.GetTimestamp();
        await database.ExecuteAsync("""
            INSERT INTO chat_messages (conversation_id, sender_user_id, message_type, content, is_edited, is_deleted,
                                       is_forwarded, deleted_for_everyone, is_pinned, created_at, updated_at)
            SELECT s.id, $1, 'text', 'Broadcast number ' || n || ' from the viewer.', FALSE, FALSE, FALSE, FALSE, FALSE,
                   $3 + n * interval '1 second', $3 + n * interval '1 second'
            FROM generate_series(1, $2) AS n
            JOIN bench_conversation_slots s ON s.slot = 0
            """,
            ViewerId, count, Epoch.AddYears(1));
        await database.ExecuteAsync("""
            UPDATE conversations c SET last_message_at = m.newest, updated_at = m.newest
            FROM (SELECT max(created_at) AS newest FROM chat_messages WHERE sender_user_id = $1) m
            WHERE c.id = (SELECT id FROM bench_conversation_slots WHERE slot = 0)
            """,
            ViewerId);
        MessageCount += count;
        await database.ExecuteAsync("VACUUM ANALYZE");
        return Stopwatch.GetElapsedTime(started);
    }
}
