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
public sealed class PresenceTracker
{
    private readonly Dictionary<UserId, int> _connections = [];
    private readonly Lock _gate = new();

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
            return true;
        }
    }

    public bool IsOnline(UserId user)
    {
        lock (_gate)
        {
            return _connections.ContainsKey(user);
        }
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
