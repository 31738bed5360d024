using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Calls;

/// <summary>
/// Who takes part in a call: the active members of its conversation, except anyone in a block relation
/// with the caller (a block stops calls both ways, in a group too). They are rung, may act on the call
/// and exchange its signals; to anyone else the call does not exist.
/// </summary>
public static class CallParticipants
{
    /// <summary>The statuses of a call that is not over (the legacy client wrote "initiated" for ringing).</summary>
    public static readonly CallStatus[] LiveStatuses = [CallStatus.Initiated, CallStatus.Ringing, CallStatus.Answered];

    public static IQueryable<UserId> Of(IChatDbContext db, ConversationId conversationId, UserId callerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Participants
            .Where(p => p.ConversationId == conversationId && p.IsActive
                        && (p.UserId == callerId
                            || !db.Blocks.Any(b => (b.BlockerUserId == callerId && b.BlockedUserId == p.UserId)
                                                   || (b.BlockerUserId == p.UserId && b.BlockedUserId == callerId))))
            .Select(p => p.UserId);
    }

    public static IQueryable<UserId> Of(IChatDbContext db, CallLog call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Of(db, call.ConversationId, call.CallerUserId);
    }
}
