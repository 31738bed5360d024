using System.Globalization;
using Astegni.Chat.Application.Conversations.SignalTyping;
using Astegni.Chat.Domain.Common;
using StackExchange.Redis;

namespace Astegni.Chat.Api.ScaleOut;

/// <summary>
/// The typing indicators shared by every instance: one Redis hash per conversation, a field per typer holding
/// <c>token|until|recipients</c>. The hash expires shortly after its last indicator would have. With Redis
/// unreachable this instance keeps its own indicators (<see cref="InMemoryTypingBoard"/>): typing keeps working
/// for the people on it.
/// </summary>
public sealed partial class RedisTypingBoard(IConnectionMultiplexer redis, InMemoryTypingBoard local, TimeProvider clock, ILogger<RedisTypingBoard> logger)
    : ITypingBoard
{
    // KEYS: the conversation's hash. ARGV: typer, token ('' for any). The value taken, or nil.
    private const string TakeScript = """
        local value = redis.call('HGET', KEYS[1], ARGV[1])
        if not value then return nil end
        if ARGV[2] ~= '' and string.sub(value, 1, string.len(ARGV[2])) ~= ARGV[2] then return nil end
        redis.call('HDEL', KEYS[1], ARGV[1])
        return value
        """;

    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public async Task PutAsync(TypingIndicator indicator, CancellationToken cancellationToken)
    {
        try
        {
            var key = Key(indicator.Key.ConversationId);
            var batch = redis.GetDatabase().CreateBatch();
            var put = batch.HashSetAsync(key, Field(indicator.Key.Typer), Encode(indicator));
            var expire = batch.KeyExpireAsync(key, indicator.Until - clock.GetUtcNow() + Grace);
            batch.Execute();
            await Task.WhenAll(put, expire);
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            LogUnreachable(logger, exception.Message);
            await local.PutAsync(indicator, cancellationToken);
        }
    }

    public async Task<TypingIndicator?> TakeAsync(TypingKey key, Guid? token, CancellationToken cancellationToken)
    {
        try
        {
            var taken = await redis.GetDatabase().ScriptEvaluateAsync(
                TakeScript, [Key(key.ConversationId)], [Field(key.Typer), token?.ToString("N") ?? ""]);
            return taken.IsNull ? await local.TakeAsync(key, token, cancellationToken) : Decode(key.ConversationId, key.Typer.Value, (string)taken!);
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            LogUnreachable(logger, exception.Message);
            return await local.TakeAsync(key, token, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<TypingIndicator>> InConversationAsync(ConversationId conversationId, CancellationToken cancellationToken)
    {
        try
        {
            var now = clock.GetUtcNow();
            var entries = await redis.GetDatabase().HashGetAllAsync(Key(conversationId));
            var shared = entries
                .Select(e => Decode(conversationId, (int)e.Name, (string)e.Value!))
                .Where(i => i.Until > now);
            return [.. shared, .. await local.InConversationAsync(conversationId, cancellationToken)];
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            LogUnreachable(logger, exception.Message);
            return await local.InConversationAsync(conversationId, cancellationToken);
        }
    }

    private static RedisKey Key(ConversationId conversationId) => $"{RedisScaleOut.Prefix}:typing:{conversationId.Value}";

    private static RedisValue Field(UserId typer) => typer.Value;

    private static string Encode(TypingIndicator indicator) => string.Join(
        '|',
        indicator.Token.ToString("N"),
        indicator.Until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        string.Join(',', indicator.Recipients.Select(r => r.Value.ToString(CultureInfo.InvariantCulture))));

    private static TypingIndicator Decode(ConversationId conversationId, int typer, string value)
    {
        var parts = value.Split('|');
        var recipients = parts[2].Length == 0
            ? []
            : parts[2].Split(',').Select(r => new UserId(int.Parse(r, CultureInfo.InvariantCulture))).ToList();
        return new TypingIndicator(
            new TypingKey(conversationId, new UserId(typer)),
            Guid.ParseExact(parts[0], "N"),
            recipients,
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[1], CultureInfo.InvariantCulture)));
    }

    private static bool IsUnreachable(Exception exception) => exception is RedisException or TimeoutException;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis unreachable; typing indicators kept on this instance: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
