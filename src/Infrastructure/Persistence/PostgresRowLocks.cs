using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Infrastructure.Persistence;

/// <summary>
/// <see cref="IRowLocks"/> as PostgreSQL row locks, the one way this module locks rows (the call locks of
/// <see cref="Calls.PostgresCallLogStore"/> too). <c>FOR NO KEY UPDATE</c> makes lockers (and writers of the
/// row) wait for each other but not foreign key checks: messages keep flowing into a conversation while it is held.
/// </summary>
internal sealed class PostgresRowLocks(ChatDbContext db) : IRowLocks
{
    public async Task<bool> LockConversationAsync(ConversationId conversationId, CancellationToken cancellationToken) =>
        await db.Database
            .SqlQuery<int>($"SELECT 1 AS \"Value\" FROM conversations WHERE id = {conversationId.Value} FOR NO KEY UPDATE")
            .ToListAsync(cancellationToken) is [_];
}
