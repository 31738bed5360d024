using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.YourData.DeleteMyChatData;

/// <summary>
/// Erase my chat data, for good: my messages become tombstones (content gone, the row stays so the
/// others' history keeps its shape), my reactions, memberships, settings, last seen and the blocks I made
/// are removed. Other people's messages, conversations and the blocks they made on me stay as they are.
/// Requires <see cref="Confirm"/>.
/// </summary>
/// <remarks>
/// One command, so one transaction; each step is one set-based statement, whatever the amount of data.
/// </remarks>
public sealed record DeleteMyChatData(bool Confirm) : IChatCommand;

public sealed class DeleteMyChatDataHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DeleteMyChatData, Result>
{
    public async ValueTask<Result> Handle(DeleteMyChatData command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id;
        var now = clock.GetUtcNow();

        // My notes are mine alone: the conversation goes, with its messages (the foreign keys cascade).
        await db.Conversations
            .Where(c => c.Type == ConversationType.Notes && c.DirectUserLowId == me && c.DirectUserHighId == me)
            .ExecuteDeleteAsync(cancellationToken);

        await EraseMyMessagesAsync(me, now, cancellationToken);
        await db.Messages.SelectMany(m => m.Reactions).Where(r => r.UserId == me).ExecuteDeleteAsync(cancellationToken);
        await db.Messages.SelectMany(m => m.Deletions).Where(d => d.UserId == me).ExecuteDeleteAsync(cancellationToken);
        await LeaveEveryConversationAsync(me, now, cancellationToken);

        await db.PrivacySettings.Where(s => s.UserId == me).ExecuteDeleteAsync(cancellationToken);
        await db.Blocks.Where(b => b.BlockerUserId == me).ExecuteDeleteAsync(cancellationToken);
        await db.Presence.Where(p => p.UserId == me).ExecuteDeleteAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>
    /// Tombstones, as "delete for everyone" leaves them: no content, no earlier text, no client id, no pin.
    /// Replies to them show a deleted preview; copies others forwarded are their messages and stay.
    /// </summary>
    private Task<int> EraseMyMessagesAsync(UserId me, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Messages
            .Where(m => m.SenderUserId == me)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(m => m.Content, (string?)null)
                    .SetProperty(m => m.OriginalContent, (string?)null)
                    .SetProperty(m => m.ClientMessageId, (string?)null)
                    .SetProperty(m => m.IsDeleted, true)
                    .SetProperty(m => m.DeletedForEveryone, true)
                    .SetProperty(m => m.DeletedAt, m => m.DeletedAt ?? now)
                    .SetProperty(m => m.IsPinned, false)
                    .SetProperty(m => m.PinnedAt, (DateTimeOffset?)null)
                    .SetProperty(m => m.PinnedByUserId, (UserId?)null)
                    .SetProperty(m => m.UpdatedAt, now),
                cancellationToken);

    /// <summary>
    /// Every membership ends and forgets my own view of the conversation (read position, flags). The
    /// rows stay inactive: a direct chat's other person keeps the conversation, and a group keeps its
    /// history's authors. A group left without an admin gets its longest-standing member as admin.
    /// </summary>
    private async Task LeaveEveryConversationAsync(UserId me, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var myGroups = await (
            from p in db.Participants
            join c in db.Conversations on p.ConversationId equals c.Id
            where p.UserId == me && p.IsActive && c.Type == ConversationType.Group
            select c.Id).ToListAsync(cancellationToken);

        await db.Participants
            .Where(p => p.UserId == me)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(p => p.LeftAt, p => p.IsActive ? now : p.LeftAt)
                    .SetProperty(p => p.IsActive, false)
                    .SetProperty(p => p.Role, ParticipantRole.Member)
                    .SetProperty(p => p.LastReadMessageId, (MessageId?)null)
                    .SetProperty(p => p.LastReadAt, (DateTimeOffset?)null)
                    // Were the row ever reactivated, the old history would stay out of my sight.
                    .SetProperty(p => p.ChatClearedAt, now)
                    .SetProperty(p => p.IsMuted, false)
                    .SetProperty(p => p.MutedUntil, (DateTimeOffset?)null)
                    .SetProperty(p => p.IsArchived, false)
                    .SetProperty(p => p.IsPinned, false)
                    .SetProperty(p => p.HiddenAt, (DateTimeOffset?)null)
                    .SetProperty(p => p.UpdatedAt, now),
                cancellationToken);

        if (myGroups.Count == 0)
        {
            return;
        }

        // The last-admin handover, as one statement for all my groups: where no active admin is left,
        // the active member who joined first (lowest id on a tie) becomes admin.
        await db.Participants
            .Where(p => myGroups.Contains(p.ConversationId)
                        && p.IsActive
                        && !db.Participants.Any(a => a.ConversationId == p.ConversationId && a.IsActive && a.Role == ParticipantRole.Admin)
                        && p.Id == db.Participants
                            .Where(x => x.ConversationId == p.ConversationId && x.IsActive)
                            .OrderBy(x => x.JoinedAt)
                            .ThenBy(x => x.Id)
                            .Select(x => x.Id)
                            .First())
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Role, ParticipantRole.Admin).SetProperty(p => p.UpdatedAt, now), cancellationToken);
    }
}
