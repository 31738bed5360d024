using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Presence;

/// <summary>
/// Who is online: the number of open hub connections per user, in memory (a singleton), so a heartbeat
/// or a reconnect costs no database write. Only the first connection and the last disconnection are
/// transitions others hear about.
/// </summary>
/// <remarks>
/// One process only. Several instances behind a backplane would each count their own connections:
/// presence would then need a shared store (e.g. Redis counters with expiry) instead of this class.
/// </remarks>
/// <remarks>
/// Old clients (Astegni's chat modal) have no hub connection: their heartbeat holds a lease instead
/// (<see cref="Lease"/>), and they count as online until it runs out.
/// </remarks>
public sealed class PresenceTracker(TimeProvider clock)
{
    private readonly Dictionary<UserId, int> _connections = [];
    private readonly Dictionary<UserId, DateTimeOffset> _leases = [];
    private readonly Lock _gate = new();

    /// <summary>Online until <paramref name="until"/> without a connection (a heartbeat); true when the user came online.</summary>
    public bool Lease(UserId user, DateTimeOffset until)
    {
        lock (_gate)
        {
            var wasOnline = IsOnlineLocked(user);
            _leases[user] = until;
            return !wasOnline;
        }
    }

    /// <summary>Ends the user's lease (they closed the old client); true when that took them offline.</summary>
    public bool EndLease(UserId user)
    {
        lock (_gate)
        {
            var wasOnline = IsOnlineLocked(user);
            _leases.Remove(user);
            return wasOnline && !IsOnlineLocked(user);
        }
    }

    /// <summary>Counts one more open connection; true when it is the user's first (they came online).</summary>
    public bool Connected(UserId user)
    {
        lock (_gate)
        {
            var count = _connections.GetValueOrDefault(user) + 1;
            _connections[user] = count;
            return count == 1;
        }
    }

    /// <summary>Counts one connection less; true when it was the user's last (they went offline).</summary>
    public bool Disconnected(UserId user)
    {
        lock (_gate)
        {
            if (!_connections.TryGetValue(user, out var count))
            {
                return false;
            }

            if (count > 1)
            {
                _connections[user] = count - 1;
                return false;
            }

            _connections.Remove(user);
            return !HasLiveLease(user);
        }
    }

    public bool IsOnline(UserId user)
    {
        lock (_gate)
        {
            return IsOnlineLocked(user);
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

    public int OnlineUserCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }
}
