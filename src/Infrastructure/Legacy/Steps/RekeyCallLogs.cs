namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// Call logs by user, one row per call. The old client logged each call once per side: rows of the
/// same caller, conversation and type that started within a few seconds are one call, kept as the
/// row that got furthest (ended over answered over ringing), with its times and duration.
/// </summary>
internal sealed class RekeyCallLogs : IUpgradeStep
{
    private const string SameCallWindow = "interval '10 seconds'";

    public string Name => "one call log per call";

    public async Task RunAsync(UpgradeContext context)
    {
        if (!context.Catalog.Has("call_logs", "caller_user_id"))
        {
            return;
        }

        var counts = context.Report.Table("call_logs");
        counts.Before = await context.CountAsync("SELECT count(*) FROM call_logs");
        var resolved = context.Catalog.Has("call_logs", "caller_profile_id")
            ? "pg_temp.resolve_user(l.caller_profile_type, l.caller_profile_id, l.caller_user_id)"
            : "(SELECT u.id FROM users u WHERE u.id = l.caller_user_id)";
        await context.ExecuteAsync($"""
            CREATE TEMP TABLE upgrade_calls ON COMMIT DROP AS
            SELECT l.id, l.caller_user_id AS stored_user_id, {resolved} AS user_id FROM call_logs l
            """);
        await context.ChangeAsync(
            "calls.rekeyed",
            "SELECT count(*) FROM upgrade_calls WHERE user_id IS NOT NULL AND user_id IS DISTINCT FROM stored_user_id",
            "UPDATE call_logs l SET caller_user_id = u.user_id FROM upgrade_calls u WHERE l.id = u.id AND u.user_id IS NOT NULL AND l.caller_user_id IS DISTINCT FROM u.user_id");
        counts.Orphaned = await context.ChangeAsync(
            "calls.orphans_removed",
            "SELECT count(*) FROM upgrade_calls WHERE user_id IS NULL",
            "DELETE FROM call_logs l USING upgrade_calls u WHERE l.id = u.id AND u.user_id IS NULL");
        await context.ChangeAsync(
            "calls.unknown_values",
            """
            SELECT count(*) FROM call_logs WHERE call_type IS NULL OR call_type NOT IN ('voice', 'video')
                OR status IS NULL OR status NOT IN ('initiated', 'ringing', 'answered', 'missed', 'declined', 'cancelled', 'no_answer', 'ended', 'failed')
            """,
            """
            UPDATE call_logs SET call_type = 'voice' WHERE call_type IS NULL OR call_type NOT IN ('voice', 'video');
            UPDATE call_logs SET status = 'failed'
             WHERE status IS NULL OR status NOT IN ('initiated', 'ringing', 'answered', 'missed', 'declined', 'cancelled', 'no_answer', 'ended', 'failed');
            """);

        // A row is the other side's copy when an earlier row of the same call exists.
        const string copies = $"""
            SELECT l.id, first_value(l.id) OVER call AS keep_id
              FROM call_logs l
            WINDOW call AS (PARTITION BY l.conversation_id, l.caller_user_id, l.call_type, call_group ORDER BY
                CASE l.status WHEN 'ended' THEN 0 WHEN 'answered' THEN 1 WHEN 'declined' THEN 2 WHEN 'cancelled' THEN 3
                              WHEN 'missed' THEN 4 WHEN 'no_answer' THEN 5 WHEN 'ringing' THEN 6 ELSE 7 END, l.id)
            """;
        await context.ExecuteAsync($"""
            CREATE TEMP TABLE upgrade_call_copies ON COMMIT DROP AS
            WITH grouped AS (
                SELECT l.*, sum(new_call) OVER (PARTITION BY conversation_id, caller_user_id, call_type ORDER BY started_at, id) AS call_group
                  FROM (SELECT c.*, CASE WHEN c.started_at - lag(c.started_at) OVER (PARTITION BY c.conversation_id, c.caller_user_id, c.call_type ORDER BY c.started_at, c.id)
                                         <= {SameCallWindow} THEN 0 ELSE 1 END AS new_call
                          FROM call_logs c) l)
            SELECT id, keep_id FROM ({copies.Replace("FROM call_logs l", "FROM grouped l", StringComparison.Ordinal)}) k WHERE id <> keep_id
            """);
        counts.Merged = await context.ChangeAsync(
            "calls.duplicate_sides_merged",
            "SELECT count(*) FROM upgrade_call_copies",
            """
            UPDATE call_logs k
               SET answered_at = COALESCE(k.answered_at, c.answered_at), ended_at = COALESCE(k.ended_at, c.ended_at)
              FROM upgrade_call_copies x JOIN call_logs c ON c.id = x.id
             WHERE k.id = x.keep_id;
            DELETE FROM call_logs l USING upgrade_call_copies x WHERE l.id = x.id;
            UPDATE call_logs SET duration_seconds = GREATEST(0, EXTRACT(EPOCH FROM ended_at - answered_at))::integer
             WHERE answered_at IS NOT NULL AND ended_at IS NOT NULL;
            """);
    }
}
