using Astegni.Chat.Application.Legacy;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Legacy;

/// <summary>
/// <see cref="ILegacyWriteFeed"/> over <see cref="LegacyChangeFeed.Table"/> (see <see cref="Steps.InstallLegacyChangeFeed"/>). The
/// rows are deleted as they are taken, <c>SKIP LOCKED</c>, in the relay's transaction: two instances never take the
/// same write, and a relay that fails leaves its writes for the next. Legacy ciphertext is decrypted here, in the
/// service, which has the key (<c>Legacy:ChatEncryptionKey</c>); PostgreSQL is never given it for this.
/// </summary>
internal sealed class PostgresLegacyWriteFeed(ChatDbContext db, IOptions<LegacyOptions> options) : ILegacyWriteFeed
{
    private const string TakeSql = $"""
        DELETE FROM {LegacyChangeFeed.Table}
         WHERE id IN (SELECT id FROM {LegacyChangeFeed.Table} ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, kind, conversation_id, message_id, user_id, other_user_id
        """;

    private static readonly Dictionary<string, LegacyWriteKind> Kinds = new(StringComparer.Ordinal)
    {
        ["message_created"] = LegacyWriteKind.MessageCreated,
        ["message_edited"] = LegacyWriteKind.MessageEdited,
        ["message_deleted"] = LegacyWriteKind.MessageDeleted,
        ["message_deleted_for_user"] = LegacyWriteKind.MessageDeletedForUser,
        ["message_pinned"] = LegacyWriteKind.MessagePinned,
        ["reactions_changed"] = LegacyWriteKind.ReactionsChanged,
        ["conversation_read"] = LegacyWriteKind.ConversationRead,
        ["user_blocked"] = LegacyWriteKind.UserBlocked,
    };

    public async Task<IReadOnlyList<LegacyWrite>> TakeAsync(int maxWrites, CancellationToken cancellationToken)
    {
        var writes = new List<LegacyWrite>();
        await using (var take = Command(TakeSql, maxWrites))
        await using (var reader = await take.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (Kinds.TryGetValue(reader.GetString(1), out var kind) && !reader.IsDBNull(2))
                {
                    writes.Add(new LegacyWrite(
                        reader.GetInt64(0), kind, new ConversationId(reader.GetInt32(2)),
                        reader.IsDBNull(3) ? null : new MessageId(reader.GetInt32(3)),
                        reader.IsDBNull(4) ? null : new UserId(reader.GetInt32(4)),
                        reader.IsDBNull(5) ? null : new UserId(reader.GetInt32(5))));
                }
            }
        }

        writes.Sort((a, b) => a.Id.CompareTo(b.Id));
        var written = writes.Where(w => w.Kind is LegacyWriteKind.MessageCreated or LegacyWriteKind.MessageEdited && w.MessageId is not null)
            .Select(w => w.MessageId!.Value.Value).Distinct().ToArray();
        if (written.Length > 0)
        {
            await MakeReadableAsync(written, cancellationToken);
        }

        return writes;
    }

    /// <summary>
    /// Ciphertext among <paramref name="messageIds"/> becomes its text; a token that does not decrypt (no key, another
    /// key) moves, byte for byte, to <c>undecryptable_content</c>, as <c>migrate</c> does: never shown, never lost.
    /// </summary>
    private async Task MakeReadableAsync(int[] messageIds, CancellationToken cancellationToken)
    {
        var tokens = new List<(int Id, string Token)>();
        await using (var select = Command($"SELECT id, content FROM chat_messages WHERE id = ANY($1) AND {LegacyFernet.LooksLikeToken("content")}", messageIds))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tokens.Add((reader.GetInt32(0), reader.GetString(1)));
            }
        }

        var key = LegacyFernet.NormalizeKey(options.Value.ChatEncryptionKey);
        var decrypted = tokens.Select(t => (t.Id, t.Token, Text: key is null ? null : LegacyFernet.TryDecrypt(t.Token, key))).ToList();
        var readable = decrypted.Where(d => d.Text is not null).ToList();
        var sealedOnes = decrypted.Where(d => d.Text is null).ToList();

        // Each row is rewritten only while it still holds the token read above: an edit the old backend commits in
        // between wins (its own change row brings it here again), instead of being overwritten with the older text.
        if (readable.Count > 0)
        {
            await using var update = Command(
                "UPDATE chat_messages m SET content = d.text FROM unnest($1::integer[], $2::text[], $3::text[]) AS d(id, token, text) WHERE m.id = d.id AND m.content = d.token",
                readable.Select(d => d.Id).ToArray(), readable.Select(d => d.Token).ToArray(), readable.Select(d => d.Text!).ToArray());
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (sealedOnes.Count > 0)
        {
            await using var aside = Command(
                "UPDATE chat_messages m SET undecryptable_content = m.content, content = NULL FROM unnest($1::integer[], $2::text[]) AS d(id, token) WHERE m.id = d.id AND m.content = d.token",
                sealedOnes.Select(d => d.Id).ToArray(), sealedOnes.Select(d => d.Token).ToArray());
            await aside.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private NpgsqlCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
