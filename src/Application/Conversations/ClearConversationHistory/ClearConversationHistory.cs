using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.ClearConversationHistory;

/// <summary>
/// Clear a conversation's history for me: every message up to now leaves my history, my list preview,
/// my unread count and my search results; the conversation stays in my list. Others keep theirs.
/// </summary>
public sealed record ClearConversationHistory(int ConversationId) : IChatCommand;

public sealed class ClearConversationHistoryHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ClearConversationHistory, Result>
{
    public async ValueTask<Result> Handle(ClearConversationHistory command, CancellationToken cancellationToken)
    {
        var conversationId = new ConversationId(command.ConversationId);
        var me = await db.Participants.FirstOrDefaultAsync(
            p => p.ConversationId == conversationId && p.UserId == currentUser.Id && p.IsActive, cancellationToken);
        if (me is null)
        {
            return ConversationErrors.NotFound;
        }

        me.ClearHistory(clock.GetUtcNow());
        return Result.Success();
    }
}
