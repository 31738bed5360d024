using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Presence;

/// <summary>
/// Presence in this process's memory (a singleton): the number of open hub connections per user, so a
/// heartbeat or a reconnect costs no database write. One process only; several instances share
/// presence through Redis instead.
/// </summary>
/// <remarks>
/// Old clients (Astegni's chat modal) have no hub connection: their heartbeat holds a lease instead, and
/// they count as online until it runs out.
/// </remarks>
public sealed class InMemoryPresenceStore(TimeProvider clock) : IPresenceStore
{
    private readonly Dictionary<UserId, int> _connections = [];
    private readonly Dictionary<UserId, DateTimeOffset> _leases = [];
    private readonly Lock _gate = new();

    /// <summary>Open hub connections in this process (tests wait for it to drain).</summary>
    public int OpenConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Values.Sum();
            }
        }
    }

    public Task<ConnectionOpening> OpenAsync(UserId user, string connectionId, int? cap, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var count = _connections.GetValueOrDefault(user);
            if (count >= cap)
            {
                return Task.FromResult(ConnectionOpening.Refused);
            }

            var wasOnline = IsOnlineLocked(user);
            _connections[user] = count + 1;
            return Task.FromResult(wasOnline ? ConnectionOpening.Counted : ConnectionOpening.CameOnline);
        }
    }

    public Task<bool> CloseAsync(UserId user, string connectionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_connections.TryGetValue(user, out var count))
            {
                return Task.FromResult(false);
            }

            if (count > 1)
            {
                _connections[user] = count - 1;
                return Task.FromResult(false);
            }

            _connections.Remove(user);
            return Task.FromResult(!HasLiveLease(user));
        }
    }

    public Task<bool> LeaseAsync(UserId user, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var wasOnline = IsOnlineLocked(user);
            _leases[user] = until;
            return Task.FromResult(!wasOnline);
        }
    }

    public Task<bool> EndLeaseAsync(UserId user, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var wasOnline = IsOnlineLocked(user);
            _leases.Remove(user);
            return Task.FromResult(wasOnline && !IsOnlineLocked(user));
        }
    }

    public Task<IReadOnlySet<UserId>> OnlineAmongAsync(IReadOnlyCollection<UserId> users, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlySet<UserId> online = users.Where(IsOnlineLocked).ToHashSet();
            return Task.FromResult(online);
        }
    }

    private bool IsOnlineLocked(UserId user) => _connections.ContainsKey(user) || HasLiveLease(user);

    private bool HasLiveLease(UserId user)
    {
        if (!_leases.TryGetValue(user, out var until))
        {
            return false;
        }

        if (until > clock.GetUtcNow())
        {
            return true;
        }

        _leases.Remove(user);
        return false;
    }
}
