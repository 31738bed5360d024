using Astegni.Chat.Application.RateLimits;
using Astegni.Chat.Domain.Common;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Api.RateLimiting;

/// <summary>
/// At most <see cref="RateLimitOptions.HubConnectionsPerUser"/> open hub connections per user: every message
/// fans out to each of them, so an unbounded number would let one script multiply the service's work.
/// </summary>
public interface IHubConnectionCap
{
    /// <summary>Counts one more connection of the user; false (and nothing counted) when they are at the cap.</summary>
    bool TryOpen(UserId user);

    void Close(UserId user);
}

/// <summary>The cap counted in this instance's memory; a shared store replaces it for several instances.</summary>
public sealed class InMemoryHubConnectionCap(IOptions<RateLimitOptions> options) : IHubConnectionCap
{
    private readonly Dictionary<UserId, int> _open = [];
    private readonly Lock _gate = new();

    public bool TryOpen(UserId user)
    {
        lock (_gate)
        {
            var count = _open.GetValueOrDefault(user);
            if (options.Value.Enabled && count >= options.Value.HubConnectionsPerUser)
            {
                return false;
            }

            _open[user] = count + 1;
            return true;
        }
    }

    public void Close(UserId user)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(user, out var count))
            {
                if (count <= 1)
                {
                    _open.Remove(user);
                }
                else
                {
                    _open[user] = count - 1;
                }
            }
        }
    }
}
