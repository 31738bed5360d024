using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.MarkConversationRead;

/// <summary>I have read this conversation up to this message: my unread count drops accordingly.</summary>
public sealed record MarkConversationRead(int ConversationId, int MessageId) : IChatCommand;

public sealed class MarkConversationReadHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MarkConversationRead, Result>
{
    public async ValueTask<Result> Handle(MarkConversationRead command, CancellationToken cancellationToken)
    {
        var conversationId = new ConversationId(command.ConversationId);
        var messageId = new MessageId(command.MessageId);
        var me = await db.Participants.FirstOrDefaultAsync(
            p => p.ConversationId == conversationId && p.UserId == currentUser.Id && p.IsActive, cancellationToken);
        if (me is null)
        {
            return ConversationErrors.NotFound;
        }

        if (!await db.Messages.AnyAsync(m => m.Id == messageId && m.ConversationId == conversationId, cancellationToken))
        {
            return ConversationErrors.MessageNotInConversation;
        }

        me.MarkReadUpTo(messageId, clock.GetUtcNow());
        return Result.Success();
    }
}
