using Npgsql;
using NpgsqlTypes;

namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// Turns the legacy backend's Fernet-encrypted message content into text with the legacy key. A
/// token that does not verify is never shown as text: it moves, byte for byte, to
/// <c>undecryptable_content</c> (and is tried again on a later run, e.g. with the right key).
/// Rows are read in batches by id, so memory stays flat however large the table is.
/// </summary>
internal sealed class DecryptContent : IUpgradeStep
{
    private const int BatchSize = 5_000;

    public string Name => "legacy encrypted content";

    public async Task RunAsync(UpgradeContext context)
    {
        var reader = FernetReader.FromKey(context.Options.LegacyEncryptionKey);
        if (context.Options.LegacyEncryptionKey is not null && reader is null)
        {
            context.Report.Details.Add("the legacy encryption key is not a Fernet key: no content can be decrypted");
        }

        var hasAside = context.Catalog.Has("chat_messages", "undecryptable_content");
        var source = hasAside ? "COALESCE(undecryptable_content, content)" : "content";
        await context.ExecuteAsync("""
            CREATE TEMP TABLE upgrade_content (id integer PRIMARY KEY, plain text, decrypted boolean NOT NULL, aside boolean NOT NULL) ON COMMIT DROP
            """);

        var lastId = 0;
        while (true)
        {
            var batch = await ReadBatchAsync(context, source, hasAside, lastId);
            if (batch.Count == 0)
            {
                break;
            }

            lastId = batch[^1].Id;
            await WriteBatchAsync(context, batch.Select(row => (row.Id, Plain: reader?.TryDecrypt(row.Token), row.Aside)));
        }

        var decrypted = await context.CountAsync("SELECT count(*) FROM upgrade_content WHERE decrypted");
        var undecryptable = await context.CountAsync("SELECT count(*) FROM upgrade_content WHERE NOT decrypted AND NOT aside");
        context.Report.Add("content.decrypted", decrypted);
        context.Report.Add("content.undecryptable_preserved", undecryptable);
        context.Report.Note("content.undecryptable_kept_from_before", await context.CountAsync("SELECT count(*) FROM upgrade_content WHERE NOT decrypted AND aside"));
        if (context.DryRun)
        {
            return;
        }

        await context.ExecuteAsync("""
            UPDATE chat_messages m SET content = u.plain, undecryptable_content = NULL
              FROM upgrade_content u WHERE m.id = u.id AND u.decrypted;
            UPDATE chat_messages m SET undecryptable_content = COALESCE(m.undecryptable_content, m.content), content = NULL
              FROM upgrade_content u WHERE m.id = u.id AND NOT u.decrypted AND m.content IS NOT NULL;
            """);
    }

    private static async Task<List<(int Id, string Token, bool Aside)>> ReadBatchAsync(
        UpgradeContext context, string source, bool hasAside, int afterId)
    {
        var aside = hasAside ? "undecryptable_content IS NOT NULL" : "FALSE";
        await using var command = new NpgsqlCommand(
            $"SELECT id, {source}, {aside} FROM chat_messages WHERE id > $1 AND {source} LIKE '{FernetReader.TokenPrefix}%' ORDER BY id LIMIT {BatchSize}",
            context.Connection,
            context.Transaction) { CommandTimeout = 0 };
        command.Parameters.AddWithValue(afterId);
        await using var rows = await command.ExecuteReaderAsync();
        var batch = new List<(int, string, bool)>(BatchSize);
        while (await rows.ReadAsync())
        {
            batch.Add((rows.GetInt32(0), rows.GetString(1), rows.GetBoolean(2)));
        }

        return batch;
    }

    private static async Task WriteBatchAsync(UpgradeContext context, IEnumerable<(int Id, string? Plain, bool Aside)> rows)
    {
        await using var import = await context.Connection.BeginBinaryImportAsync(
            "COPY upgrade_content (id, plain, decrypted, aside) FROM STDIN (FORMAT BINARY)");
        foreach (var (id, plain, aside) in rows)
        {
            await import.StartRowAsync();
            await import.WriteAsync(id, NpgsqlDbType.Integer);
            // Text that PostgreSQL cannot hold (a NUL) was never a chat message: keep the token instead.
            var usable = plain is not null && !plain.Contains('\0', StringComparison.Ordinal) ? plain : null;
            if (usable is null)
            {
                await import.WriteNullAsync();
            }
            else
            {
                await import.WriteAsync(usable, NpgsqlDbType.Text);
            }

            await import.WriteAsync(usable is not null, NpgsqlDbType.Boolean);
            await import.WriteAsync(aside, NpgsqlDbType.Boolean);
        }

        await import.CompleteAsync();
    }
}
