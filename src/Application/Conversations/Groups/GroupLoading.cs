using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.Groups;

internal static class GroupLoading
{
    /// <summary>
    /// Loads a conversation with every membership (former members too, so they can be re-added) and holds
    /// its row lock until the command's transaction ends. Changes to one group's members then run one after
    /// the other, so the member limit and "a group with members keeps an admin" also hold when two admins
    /// act at the same moment. Null when there is no such conversation.
    /// </summary>
    public static async Task<Conversation?> LoadForMembershipChangeAsync(
        IChatDbContext db, IRowLocks rowLocks, int requestedId, CancellationToken cancellationToken)
    {
        var meant = await db.Conversations
            .InConversation(db, requestedId, c => c.Id)
            .Select(c => (ConversationId?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (meant is not { } conversationId || !await rowLocks.LockConversationAsync(conversationId, cancellationToken))
        {
            return null;
        }

        // Read after the lock, so it sees what the command that held it before committed.
        return await db.Conversations
            .Include(c => c.Participants)
            .FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
    }
}
