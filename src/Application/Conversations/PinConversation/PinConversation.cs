using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.PinConversation;

/// <summary>Pin or unpin a conversation for me: pinned conversations head my list. Nobody else's list changes.</summary>
public sealed record PinConversation(int ConversationId, bool Pinned) : IChatCommand;

public sealed class PinConversationHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<PinConversation, Result>
{
    public async ValueTask<Result> Handle(PinConversation command, CancellationToken cancellationToken)
    {
        var conversationId = new ConversationId(command.ConversationId);
        var me = await db.Participants.FirstOrDefaultAsync(
            p => p.ConversationId == conversationId && p.UserId == currentUser.Id && p.IsActive, cancellationToken);
        if (me is null)
        {
            return ConversationErrors.NotFound;
        }

        if (command.Pinned)
        {
            me.Pin(clock.GetUtcNow());
        }
        else
        {
            me.Unpin(clock.GetUtcNow());
        }

        return Result.Success();
    }
}
