using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Presence;

/// <summary>
/// Who is online: a user's open hub connections (on any instance) and an old client's heartbeat lease. Only
/// the first connection and the last disconnection are transitions others hear about. In this process's
/// memory by default (<see cref="InMemoryPresenceStore"/>); shared through Redis when several instances run.
/// </summary>
/// <remarks>
/// The per-user cap on hub connections counts the same connections, so it is decided here, in the same
/// step as the count: one instance can never let a user past the cap while another counts them in.
/// </remarks>
public interface IPresenceStore
{
    /// <summary>
    /// Counts one more open connection of the user, unless they already hold <paramref name="cap"/> of them
    /// (null: no cap), in which case nothing is counted.
    /// </summary>
    Task<ConnectionOpening> OpenAsync(UserId user, string connectionId, int? cap, CancellationToken cancellationToken);

    /// <summary>Counts the connection as closed; true when it was the user's last (they went offline).</summary>
    Task<bool> CloseAsync(UserId user, string connectionId, CancellationToken cancellationToken);

    /// <summary>Online until <paramref name="until"/> without a connection (a heartbeat); true when the user came online.</summary>
    Task<bool> LeaseAsync(UserId user, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Ends the user's lease (they closed the old client); true when that took them offline.</summary>
    Task<bool> EndLeaseAsync(UserId user, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="users"/> who are online now.</summary>
    Task<IReadOnlySet<UserId>> OnlineAmongAsync(IReadOnlyCollection<UserId> users, CancellationToken cancellationToken);
}

public enum ConnectionOpening
{
    /// <summary>Over the cap: not counted, the connection is to be closed.</summary>
    Refused,

    /// <summary>The user's first: they came online.</summary>
    CameOnline,

    /// <summary>One more of a user who was online already.</summary>
    Counted,
}

public static class PresenceStoreExtensions
{
    public static async Task<bool> IsOnlineAsync(this IPresenceStore store, UserId user, CancellationToken cancellationToken) =>
        (await store.OnlineAmongAsync([user], cancellationToken)).Contains(user);
}
