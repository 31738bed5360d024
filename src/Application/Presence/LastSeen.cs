using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Presence;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Presence;

/// <summary>Stores when a user was last seen: one row per user, moved on each time.</summary>
public static class LastSeen
{
    public static async Task RecordLastSeenAsync(this IChatDbContext db, UserId user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var presence = await db.Presence.FirstOrDefaultAsync(p => p.UserId == user, cancellationToken);
        if (presence is not null)
        {
            presence.SeenAt(now);
            return;
        }

        db.Presence.Add(new UserPresence(user, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // Another request of the same user stored the first row at the same moment: move that one on instead.
            db.DiscardPendingChanges();
            var stored = await db.Presence.FirstAsync(p => p.UserId == user, cancellationToken);
            stored.SeenAt(now);
        }
    }
}
