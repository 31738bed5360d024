using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Presence.GoOffline;

/// <summary>
/// I went offline: my last hub connection closed (the hub counts connections in <see cref="IPresenceStore"/>).
/// My last seen is stored, and those allowed to see it are told.
/// </summary>
/// <remarks>
/// The push goes out from the handler, before the one row is written and committed rather than after:
/// the transition itself lives in the presence store and has happened whatever the row does, and the pushed time is
/// the time stored.
/// </remarks>
public sealed record GoOffline : IChatCommand;

public sealed class GoOfflineHandler(
    IChatDbContext db, ICurrentUser currentUser, IPresenceStore presence, PresenceBroadcaster broadcaster, TimeProvider clock)
    : ICommandHandler<GoOffline, Result>
{
    public async ValueTask<Result> Handle(GoOffline command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id;
        var now = clock.GetUtcNow();

        // Reconnected in the meantime (a flaky network): online again, so "offline" would be wrong news.
        // Reads first, the write last: the transaction then locks tables in the order of statements that
        // lock the whole schema (conversation tables before presence; the tests' TRUNCATE), never against it.
        if (!await presence.IsOnlineAsync(me, cancellationToken))
        {
            await broadcaster.AnnounceAsync(me, isOnline: false, lastSeen: now, cancellationToken);
        }

        await db.RecordLastSeenAsync(me, now, cancellationToken);
        return Result.Success();
    }
}
