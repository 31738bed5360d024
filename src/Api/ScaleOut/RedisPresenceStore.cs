using System.Collections.Concurrent;
using Astegni.Chat.Application.Presence;
using Astegni.Chat.Domain.Common;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Astegni.Chat.Api.ScaleOut;

/// <summary>
/// Presence shared by every instance, in Redis. Each open hub connection is a member of its user's sorted set,
/// scored by when its lease runs out; the instance holding it renews the leases of its connections
/// (<see cref="PresenceLeaseRenewal"/>), so a connection of an instance that died simply expires. A user is
/// online while any connection anywhere (or an old client's heartbeat lease) is live. Times come from Redis's
/// clock, so instances with drifting clocks agree.
/// </summary>
/// <remarks>
/// This instance's own connections are also counted in memory (<see cref="InMemoryPresenceStore"/>): with
/// Redis unreachable, presence is answered from them (each instance knows its own users, as with one instance),
/// and the renewal puts them back into Redis once it answers again.
/// </remarks>
public sealed partial class RedisPresenceStore(
    IConnectionMultiplexer redis, InMemoryPresenceStore local, IOptions<ScaleOutOptions> options, TimeProvider clock,
    ILogger<RedisPresenceStore> logger) : IPresenceStore
{
    private const string Now = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        """;

    // KEYS: connections, lease, expiring. ARGV: connection id, lease ms, cap (0: none), user id.
    // -1 refused, 1 came online, 0 counted.
    private const string OpenScript = Now + """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        local open = redis.call('ZCARD', KEYS[1])
        local cap = tonumber(ARGV[3])
        if cap > 0 and open >= cap then return -1 end
        local expiry = now + tonumber(ARGV[2])
        redis.call('ZADD', KEYS[1], expiry, ARGV[1])
        redis.call('PEXPIREAT', KEYS[1], expiry)
        redis.call('ZADD', KEYS[3], expiry, ARGV[4])
        if open == 0 and redis.call('EXISTS', KEYS[2]) == 0 then return 1 end
        return 0
        """;

    // KEYS: connections, lease, expiring. ARGV: connection id, user id. 1 when it was the user's last.
    private const string CloseScript = Now + """
        local removed = redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        if removed == 0 or redis.call('ZCARD', KEYS[1]) > 0 then return 0 end
        redis.call('ZREM', KEYS[3], ARGV[2])
        if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
        return 1
        """;

    // KEYS: connections, lease. ARGV: lease ms. 1 when the user came online.
    private const string LeaseScript = Now + """
        local was = redis.call('ZCOUNT', KEYS[1], now, '+inf') > 0 or redis.call('EXISTS', KEYS[2]) == 1
        redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
        if was then return 0 end
        return 1
        """;

    // KEYS: connections, lease. 1 when ending the lease took the user offline.
    private const string EndLeaseScript = Now + """
        local ended = redis.call('DEL', KEYS[2])
        if ended == 1 and redis.call('ZCOUNT', KEYS[1], now, '+inf') == 0 then return 1 end
        return 0
        """;

    // KEYS: connections and lease of each user, in pairs. One 0/1 per user.
    private const string OnlineScript = Now + """
        local online = {}
        for i = 1, #KEYS, 2 do
            if redis.call('ZCOUNT', KEYS[i], now, '+inf') > 0 or redis.call('EXISTS', KEYS[i + 1]) == 1 then
                online[#online + 1] = 1
            else
                online[#online + 1] = 0
            end
        end
        return online
        """;

    // KEYS: connections, expiring. ARGV: lease ms, user id, connection ids...
    private const string RenewScript = Now + """
        local expiry = now + tonumber(ARGV[1])
        for i = 3, #ARGV do redis.call('ZADD', KEYS[1], expiry, ARGV[i]) end
        redis.call('PEXPIREAT', KEYS[1], expiry)
        redis.call('ZADD', KEYS[2], expiry, ARGV[2])
        return 0
        """;

    // KEYS: connections, lease, expiring. ARGV: user id. 1 when this call found the user's last lease run out
    // (and so is the one instance that announces them offline).
    private const string ExpireScript = Now + """
        local due = redis.call('ZSCORE', KEYS[3], ARGV[1])
        if not due or tonumber(due) > now then return 0 end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        if redis.call('ZCARD', KEYS[1]) > 0 then return 0 end
        redis.call('ZREM', KEYS[3], ARGV[1])
        if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
        return 1
        """;

    private static readonly RedisKey Expiring = $"{RedisScaleOut.Prefix}:presence:expiring";

    private readonly ConcurrentDictionary<string, UserId> _mine = new();

    private long LeaseMs => (long)options.Value.PresenceLease.TotalMilliseconds;

    public async Task<ConnectionOpening> OpenAsync(UserId user, string connectionId, int? cap, CancellationToken cancellationToken)
    {
        try
        {
            var result = (int)await Database.ScriptEvaluateAsync(
                OpenScript, [Connections(user), Lease(user), Expiring], [connectionId, LeaseMs, cap ?? 0, user.Value]);
            if (result < 0)
            {
                return ConnectionOpening.Refused;
            }

            _mine[connectionId] = user;
            await local.OpenAsync(user, connectionId, cap: null, cancellationToken);
            return result == 1 ? ConnectionOpening.CameOnline : ConnectionOpening.Counted;
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            LogUnreachable(logger, exception.Message);
            var opening = await local.OpenAsync(user, connectionId, cap, cancellationToken);
            if (opening != ConnectionOpening.Refused)
            {
                _mine[connectionId] = user;
            }

            return opening;
        }
    }

    public async Task<bool> CloseAsync(UserId user, string connectionId, CancellationToken cancellationToken)
    {
        if (!_mine.TryRemove(connectionId, out _))
        {
            return false;
        }

        var lastHere = await local.CloseAsync(user, connectionId, cancellationToken);
        try
        {
            return (int)await Database.ScriptEvaluateAsync(
                CloseScript, [Connections(user), Lease(user), Expiring], [connectionId, user.Value]) == 1;
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            // The entry in Redis runs out with its lease; meanwhile this instance answers for its own users.
            LogUnreachable(logger, exception.Message);
            return lastHere;
        }
    }

    public async Task<bool> LeaseAsync(UserId user, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var cameOnline = await local.LeaseAsync(user, until, cancellationToken);
        var ms = Math.Max(1, (long)(until - clock.GetUtcNow()).TotalMilliseconds);
        try
        {
            return (int)await Database.ScriptEvaluateAsync(LeaseScript, [Connections(user), Lease(user)], [ms]) == 1;
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            LogUnreachable(logger, exception.Message);
            return cameOnline;
        }
    }

    public async Task<bool> EndLeaseAsync(UserId user, CancellationToken cancellationToken)
    {
        var wentOffline = await local.EndLeaseAsync(user, cancellationToken);
        try
        {
            return (int)await Database.ScriptEvaluateAsync(EndLeaseScript, [Connections(user), Lease(user)]) == 1;
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            LogUnreachable(logger, exception.Message);
            return wentOffline;
        }
    }

    public async Task<IReadOnlySet<UserId>> OnlineAmongAsync(IReadOnlyCollection<UserId> users, CancellationToken cancellationToken)
    {
        if (users.Count == 0)
        {
            return new HashSet<UserId>();
        }

        try
        {
            var asked = users.ToList();
            var keys = asked.SelectMany(u => new[] { Connections(u), Lease(u) }).ToArray();
            var flags = (int[])(await Database.ScriptEvaluateAsync(OnlineScript, keys))!;
            return asked.Where((_, i) => flags[i] == 1).ToHashSet();
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            LogUnreachable(logger, exception.Message);
            return await local.OnlineAmongAsync(users, cancellationToken);
        }
    }

    /// <summary>Renews the leases of this instance's open connections (and puts them back after a Redis restart).</summary>
    public async Task RenewMineAsync()
    {
        // All at once: the multiplexer pipelines them, so a round costs one round trip, not one per user.
        var renewals = _mine.GroupBy(c => c.Value, c => c.Key).Select(user =>
        {
            RedisValue[] arguments = [LeaseMs, user.Key.Value, .. user.Select(id => (RedisValue)id)];
            return Database.ScriptEvaluateAsync(RenewScript, [Connections(user.Key), Expiring], arguments);
        });
        await Task.WhenAll(renewals);
    }

    /// <summary>
    /// Users whose every connection ran out (their instance stopped without closing them), each returned to
    /// exactly one of the instances that ask, which announces them offline.
    /// </summary>
    public async Task<IReadOnlyList<UserId>> TakeExpiredAsync(int max)
    {
        var due = await Database.SortedSetRangeByScoreAsync(Expiring, stop: clock.GetUtcNow().ToUnixTimeMilliseconds(), take: max);
        var users = due.Select(member => new UserId((int)member)).ToList();
        var taken = await Task.WhenAll(users.Select(user =>
            Database.ScriptEvaluateAsync(ExpireScript, [Connections(user), Lease(user), Expiring], [user.Value])));
        return users.Where((_, i) => (int)taken[i] == 1).ToList();
    }

    private IDatabase Database => redis.GetDatabase();

    private static RedisKey Connections(UserId user) => $"{RedisScaleOut.Prefix}:presence:connections:{user.Value}";

    private static RedisKey Lease(UserId user) => $"{RedisScaleOut.Prefix}:presence:lease:{user.Value}";

    private static bool IsUnreachable(Exception exception) => exception is RedisException or TimeoutException;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis unreachable; presence answered from this instance's connections: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
