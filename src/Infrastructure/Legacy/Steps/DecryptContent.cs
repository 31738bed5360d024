namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>
/// Legacy Fernet-encrypted content becomes text (see <see cref="LegacyFernet"/>). Usually the table
/// rewrite in <see cref="PrepareSchema"/> decrypted it already; this step decrypts what is left (rows the
/// legacy backend wrote since, content kept aside by an earlier run without the right key) and moves
/// every token that does not verify, byte for byte, to <c>undecryptable_content</c>: ciphertext is
/// never shown or stored as text.
/// </summary>
internal sealed class DecryptContent : IUpgradeStep
{
    public string Name => "legacy encrypted content";

    public async Task RunAsync(UpgradeContext context)
    {
        var tokens = LegacyFernet.LooksLikeToken("content");
        var hasAside = context.Catalog.Has("chat_messages", "undecryptable_content");
        var decrypts = context.FernetKeyLiteral is { } key ? $"pg_temp.fernet_decrypt({{0}}, {key}) IS NOT NULL" : "FALSE";
        string Decrypts(string column) => string.Format(System.Globalization.CultureInfo.InvariantCulture, decrypts, column);

        var decryptedInRewrite = context.TokensBeforeRewrite < 0
            ? 0
            : context.TokensBeforeRewrite - await context.CountAsync($"SELECT count(*) FROM chat_messages WHERE {tokens}");
        var decryptableLeft = await context.CountAsync($"SELECT count(*) FROM chat_messages WHERE {tokens} AND {Decrypts("content")}");
        var retriedAside = hasAside
            ? await context.CountAsync($"SELECT count(*) FROM chat_messages WHERE undecryptable_content IS NOT NULL AND {Decrypts("undecryptable_content")}")
            : 0;
        var undecryptable = await context.CountAsync($"SELECT count(*) FROM chat_messages WHERE {tokens} AND NOT ({Decrypts("content")})");
        context.Report.Add("content.decrypted", decryptedInRewrite + decryptableLeft + retriedAside);
        context.Report.Add("content.undecryptable_preserved", undecryptable);
        if (hasAside)
        {
            context.Report.Note("content.undecryptable_kept_from_before", await context.CountAsync(
                $"SELECT count(*) FROM chat_messages WHERE undecryptable_content IS NOT NULL AND NOT ({Decrypts("undecryptable_content")})"));
        }

        if (context.DryRun || context.FernetKeyLiteral is not { } literal)
        {
            if (!context.DryRun && undecryptable > 0)
            {
                await MoveAsideAsync(context, tokens);
            }

            return;
        }

        await context.ExecuteAsync($"""
            UPDATE chat_messages SET content = pg_temp.fernet_decrypt(content, {literal})
             WHERE {tokens} AND pg_temp.fernet_decrypt(content, {literal}) IS NOT NULL;
            UPDATE chat_messages SET content = pg_temp.fernet_decrypt(undecryptable_content, {literal}), undecryptable_content = NULL
             WHERE undecryptable_content IS NOT NULL AND pg_temp.fernet_decrypt(undecryptable_content, {literal}) IS NOT NULL;
            """);
        await MoveAsideAsync(context, tokens);
    }

    private static Task<int> MoveAsideAsync(UpgradeContext context, string tokens) =>
        context.ExecuteAsync($"UPDATE chat_messages SET undecryptable_content = content, content = NULL WHERE {tokens}");
}
