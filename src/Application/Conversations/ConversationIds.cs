using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations;

public static class ConversationIds
{
    /// <summary>
    /// The conversation an old id now means, when the legacy upgrade merged that conversation into
    /// another; null when the id was never merged. Asked only after the id itself found nothing, so
    /// the common path costs no extra query.
    /// </summary>
    public static Task<ConversationId?> SurvivorOfAsync(this IChatDbContext db, ConversationId id, CancellationToken cancellationToken) =>
        db.ConversationAliases.Where(a => a.AliasId == id).Select(a => (ConversationId?)a.ConversationId).FirstOrDefaultAsync(cancellationToken);
}
