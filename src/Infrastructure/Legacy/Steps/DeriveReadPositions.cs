namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// The legacy backend kept only a read time (its last_read_message_id was never written); unread
/// counts here go by message id, so each membership gets the last message it had read by then.
/// Conversations' last activity is recomputed from the messages they now hold.
/// </summary>
internal sealed class DeriveReadPositions : IUpgradeStep
{
    public string Name => "read positions and activity";

    public async Task RunAsync(UpgradeContext context)
    {
        await context.ChangeAsync(
            "participants.read_position_from_read_time",
            // Counted as memberships will be after the merges, so a dry run says what the real run does.
            """
            SELECT count(*) FROM (
                SELECT DISTINCT u.conversation_id, u.user_id
                  FROM conversation_participants p JOIN upgrade_participants u ON u.id = p.id
                 WHERE u.user_id IS NOT NULL AND p.last_read_message_id IS NULL AND p.last_read_at IS NOT NULL
                   AND p.conversation_id NOT IN (SELECT merged_id FROM upgrade_merges)) m
            """,
            """
            UPDATE conversation_participants p
               SET last_read_message_id = (SELECT max(m.id) FROM chat_messages m
                                            WHERE m.conversation_id = p.conversation_id AND m.created_at <= p.last_read_at)
             WHERE p.last_read_message_id IS NULL AND p.last_read_at IS NOT NULL
            """);
        if (!context.DryRun)
        {
            await context.ExecuteAsync("""
                UPDATE conversations c SET last_message_at = m.latest
                  FROM (SELECT conversation_id, max(created_at) AS latest FROM chat_messages GROUP BY conversation_id) m
                 WHERE c.id = m.conversation_id AND c.last_message_at IS DISTINCT FROM m.latest
                """);
        }
    }
}
