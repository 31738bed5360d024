using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.RateLimits;

/// <summary>
/// Counts what a user does against their limits. In memory for one instance; a shared store (Redis) plugs in
/// here when several instances must share the counts.
/// </summary>
public interface IRateLimiter
{
    /// <summary>Takes <paramref name="cost"/> from the user's bucket for <paramref name="limit"/>; null when allowed, else the hit.</summary>
    ValueTask<RateLimitHit?> TryAcquireAsync(RateLimit limit, UserId user, int cost, CancellationToken cancellationToken);
}
