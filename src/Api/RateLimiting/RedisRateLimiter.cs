using Astegni.Chat.Application.RateLimits;
using Astegni.Chat.Domain.Common;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Astegni.Chat.Api.RateLimiting;

/// <summary>
/// The per-user token buckets shared by every instance, in Redis: one hash per user and limit, taken from
/// atomically by a script (tokens refill continuously at <see cref="RateLimitRule.PerPeriod"/> per
/// <see cref="RateLimitRule.Period"/>, up to <see cref="RateLimitRule.Burst"/>); a bucket left alone expires
/// once full. With Redis unreachable the instance counts on its own (<see cref="InMemoryRateLimiter"/>):
/// limits stay in force, per instance, and chat keeps working.
/// </summary>
public sealed partial class RedisRateLimiter(
    IConnectionMultiplexer redis, InMemoryRateLimiter fallback, IOptions<RateLimitOptions> options, ILogger<RedisRateLimiter> logger) : IRateLimiter
{
    private const string TakeScript = """
        local burst = tonumber(ARGV[1])
        local perMs = tonumber(ARGV[2]) / tonumber(ARGV[3])
        local cost = tonumber(ARGV[4])
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(bucket[1]) or burst
        local at = tonumber(bucket[2]) or now
        tokens = math.min(burst, tokens + (now - at) * perMs)
        local wait = 0
        if tokens >= cost then tokens = tokens - cost else wait = math.ceil((cost - tokens) / perMs) end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
        redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / perMs) + 1000)
        return wait
        """;

    public async ValueTask<RateLimitHit?> TryAcquireAsync(RateLimit limit, UserId user, int cost, CancellationToken cancellationToken)
    {
        var rule = options.Value[limit];
        if (cost > rule.Burst)
        {
            return InMemoryRateLimiter.Hit(limit, rule, rule.Period);
        }

        try
        {
            var waitMs = (long)await redis.GetDatabase().ScriptEvaluateAsync(
                TakeScript,
                [new RedisKey($"astegni-chat:rate:{limit}:{user.Value}")],
                [rule.Burst, rule.PerPeriod, (long)rule.Period.TotalMilliseconds, cost]);
            return waitMs == 0 ? null : InMemoryRateLimiter.Hit(limit, rule, TimeSpan.FromMilliseconds(waitMs));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogRedisUnreachable(logger, exception.Message);
            return await fallback.TryAcquireAsync(limit, user, cost, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis unreachable; counting rate limits on this instance: {Reason}")]
    private static partial void LogRedisUnreachable(ILogger logger, string reason);
}
