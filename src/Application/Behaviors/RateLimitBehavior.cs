using System.Reflection;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.RateLimits;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Behaviors;

/// <summary>
/// A use case marked <see cref="RateLimitedAttribute"/> counts against the caller's limit before anything else
/// runs, so REST, the hub and in-process callers acting for a user meet the same limits; over it, the answer is
/// <c>rate_limited</c> with when to try again. Use cases other modules send for the system (e.g.
/// <c>SendSystemMessage</c>) carry no mark.
/// </summary>
public sealed class RateLimitBehavior<TMessage, TResponse>(IRateLimiter limiter, ICurrentUser currentUser, IOptions<RateLimitOptions> options)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IFailable<TResponse>
{
    private static readonly RateLimit? Limit = typeof(TMessage).GetCustomAttribute<RateLimitedAttribute>()?.Limit;

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Limit is { } limit && options.Value.Enabled
            && await limiter.TryAcquireAsync(limit, currentUser.Id, 1, cancellationToken) is { } hit)
        {
            return TResponse.Failure(Error.RateLimited(hit));
        }

        return await next(message, cancellationToken);
    }
}
