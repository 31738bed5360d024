using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Presence.ReportPresence;

/// <summary>
/// An old client's heartbeat (Astegni's chat modal, which has no hub connection, sends one about every 30 s):
/// "I am here" keeps me online for <see cref="Lease"/>, "I left" (<see cref="IsOnline"/> false) ends that.
/// My last seen moves on with each report. Those allowed to see my online status hear the transitions, as when
/// a hub connection opens or closes (<see cref="PresenceBroadcaster"/>); a lease that simply runs out is not
/// pushed: I then show as offline, last seen at my last heartbeat.
/// </summary>
public sealed record ReportPresence(bool IsOnline = true) : IChatCommand
{
    /// <summary>Two missed heartbeats and a little more.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(75);
}

public sealed class ReportPresenceHandler(
    IChatDbContext db, ICurrentUser currentUser, IPresenceStore presence, PresenceBroadcaster broadcaster, TimeProvider clock)
    : ICommandHandler<ReportPresence, Result>
{
    public async ValueTask<Result> Handle(ReportPresence command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id;
        var now = clock.GetUtcNow();

        // The push first, the write last, as GoOffline does (the same lock order).
        if (command.IsOnline)
        {
            if (await presence.LeaseAsync(me, now + ReportPresence.Lease, cancellationToken))
            {
                await broadcaster.AnnounceAsync(me, isOnline: true, lastSeen: null, cancellationToken);
            }
        }
        else if (await presence.EndLeaseAsync(me, cancellationToken))
        {
            await broadcaster.AnnounceAsync(me, isOnline: false, lastSeen: now, cancellationToken);
        }

        await db.RecordLastSeenAsync(me, now, cancellationToken);
        return Result.Success();
    }
}
