using Astegni.Chat.Api.RateLimiting;
using Astegni.Chat.Application.Conversations.SignalTyping;
using Astegni.Chat.Application.Presence;
using Astegni.Chat.Application.RateLimits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Astegni.Chat.Api.ScaleOut;

/// <summary>
/// Several instances behind a load balancer share Redis (<c>Redis:Connection</c>, a StackExchange.Redis
/// configuration string): the SignalR backplane carries every hub event to the user's connections on any
/// instance, and the rate limits, presence, typing indicators and the per-user connection cap are counted once for all instances. Without it the service is one process,
/// as <c>build/run</c> serves it. Redis down is a degradation, not an outage: REST keeps working, pushes reach
/// the connections on the handling instance, limits are counted per instance, and the client reconnects by
/// itself when Redis is back.
/// </summary>
public static class RedisScaleOut
{
    public const string ConnectionKey = "Redis:Connection";

    // Every key and channel of the module starts with this, so a Redis shared with other Astegni parts is safe.
    public const string Prefix = "astegni-chat";

    public static void AddRedisScaleOut(this IServiceCollection services, ISignalRServerBuilder signalR, IConfiguration configuration, string connection)
    {
        services.Configure<ScaleOutOptions>(configuration.GetSection(ScaleOutOptions.Section));
        var redisOptions = ConfigurationOptions.Parse(connection);
        // Start (and keep running) while Redis is unreachable; the multiplexer reconnects in the background.
        redisOptions.AbortOnConnectFail = false;
        // While it is unreachable, a command fails at once (and its caller falls back to this instance) instead
        // of waiting in a backlog for the 5 s timeout: a hub connect or a presence read must not take 5 s.
        redisOptions.BacklogPolicy = BacklogPolicy.FailFast;
        redisOptions.ChannelPrefix = RedisChannel.Literal(Prefix);
        var redis = ConnectionMultiplexer.Connect(redisOptions);
        services.AddSingleton<IConnectionMultiplexer>(redis);

        signalR.AddStackExchangeRedis(options => options.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(redis));

        services.AddSingleton<InMemoryRateLimiter>();
        services.AddSingleton<IRateLimiter, RedisRateLimiter>();
        services.AddSingleton<RedisPresenceStore>();
        services.AddSingleton<IPresenceStore>(provider => provider.GetRequiredService<RedisPresenceStore>());
        services.AddHostedService<PresenceLeaseRenewal>();
        services.AddSingleton<InMemoryTypingBoard>();
        services.AddSingleton<ITypingBoard, RedisTypingBoard>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
    }
}

/// <summary>Readiness: Redis unreachable is <c>Degraded</c> (the instance serves, alone), never unhealthy.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return HealthCheckResult.Degraded("Redis unreachable: hub events reach only this instance's connections.");
        }

        try
        {
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis unreachable: hub events reach only this instance's connections.", exception);
        }
    }
}
