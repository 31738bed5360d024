using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Conversations.ClearConversationHistory;

/// <summary>
/// Clear a conversation's history for me: every message up to now leaves my history, my list preview,
/// my unread count and my search results; the conversation stays in my list. Others keep theirs.
/// </summary>
public sealed record ClearConversationHistory(int ConversationId) : IChatCommand;

public sealed class ClearConversationHistoryHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ClearConversationHistory, Result>
{
    public ValueTask<Result> Handle(ClearConversationHistory command, CancellationToken cancellationToken) =>
        new(db.ChangeMembershipAsync(
            command.ConversationId, currentUser.Id, me => me.ClearHistory(clock.GetUtcNow()), cancellationToken));
}
