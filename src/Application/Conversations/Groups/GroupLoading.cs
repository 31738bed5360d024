using Astegni.Chat.Application.Abstractions;
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
        IChatDbContext db, int requestedId, CancellationToken cancellationToken)
    {
        // An UPDATE that changes nothing still takes the row lock; EF Core has no portable SELECT ... FOR UPDATE.
        var found = await db.Conversations
            .InConversation(db, requestedId, c => c.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, c => c.UpdatedAt), cancellationToken);
        if (found == 0)
        {
            return null;
        }

        return await db.Conversations
            .Include(c => c.Participants)
            .InConversation(db, requestedId, c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
