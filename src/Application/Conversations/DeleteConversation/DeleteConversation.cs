using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.DeleteConversation;

/// <summary>
/// Delete a conversation for me: its history is cleared for me and it leaves my list until a newer
/// message arrives. I stay a member (a group is left separately); others see no change.
/// </summary>
public sealed record DeleteConversation(int ConversationId) : IChatCommand;

public sealed class DeleteConversationHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DeleteConversation, Result>
{
    public async ValueTask<Result> Handle(DeleteConversation command, CancellationToken cancellationToken)
    {
        var conversationId = new ConversationId(command.ConversationId);
        var me = await db.Participants.FirstOrDefaultAsync(
            p => p.ConversationId == conversationId && p.UserId == currentUser.Id && p.IsActive, cancellationToken);
        if (me is null)
        {
            return ConversationErrors.NotFound;
        }

        me.Hide(clock.GetUtcNow());
        return Result.Success();
    }
}
