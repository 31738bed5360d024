using System.Threading.RateLimiting;
using Astegni.Chat.Application.RateLimits;
using Astegni.Chat.Domain.Common;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Api.RateLimiting;

/// <summary>
/// The per-user token buckets of one instance, with .NET's own token-bucket limiter; buckets of users who
/// went quiet are dropped by the partitioned limiter. Several instances need a shared implementation.
/// </summary>
public sealed class InMemoryRateLimiter : IRateLimiter, IDisposable
{
    private readonly RateLimitOptions _options;
    private readonly PartitionedRateLimiter<(RateLimit Limit, int User)> _buckets;

    public InMemoryRateLimiter(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        _buckets = PartitionedRateLimiter.Create<(RateLimit Limit, int User), (RateLimit Limit, int User)>(key =>
        {
            var rule = _options[key.Limit];
            return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = rule.Burst,
                TokensPerPeriod = rule.PerPeriod,
                ReplenishmentPeriod = rule.Period,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
    }

    public ValueTask<RateLimitHit?> TryAcquireAsync(RateLimit limit, UserId user, int cost, CancellationToken cancellationToken)
    {
        var rule = _options[limit];
        if (cost > rule.Burst)
        {
            return ValueTask.FromResult<RateLimitHit?>(Hit(limit, rule, rule.Period));
        }

        using var lease = _buckets.AttemptAcquire((limit, user.Value), cost);
        if (lease.IsAcquired)
        {
            return ValueTask.FromResult<RateLimitHit?>(null);
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : rule.Period;
        return ValueTask.FromResult<RateLimitHit?>(Hit(limit, rule, retryAfter));
    }

    internal static RateLimitHit Hit(RateLimit limit, RateLimitRule rule, TimeSpan retryAfter) =>
        new(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(limit.ToString()), rule.Burst, rule.PerPeriod, rule.Period,
            retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);

    public void Dispose() => _buckets.Dispose();
}
