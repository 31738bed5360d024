using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Messages;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.MarkConversationRead;

/// <summary>
/// I have read this conversation up to this message: my unread count drops accordingly, and when my
/// position moved, the members allowed to see it (and my other devices) are told.
/// </summary>
public sealed record MarkConversationRead(int ConversationId, int MessageId) : IChatCommand;

public sealed class MarkConversationReadHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MarkConversationRead, Result>
{
    public async ValueTask<Result> Handle(MarkConversationRead command, CancellationToken cancellationToken)
    {
        var messageId = new MessageId(command.MessageId);
        var conversation = await db.ConversationOfMemberAsync(command.ConversationId, currentUser.Id, cancellationToken);
        if (conversation is null)
        {
            return ConversationErrors.NotFound;
        }

        var conversationId = conversation.Id;

        // A message the caller cannot see (before they joined, cleared or deleted for them) is not theirs to mark.
        if (!await MessageAccess.VisibleTo(db, currentUser.Id).AnyAsync(m => m.Id == messageId && m.ConversationId == conversationId, cancellationToken))
        {
            return ConversationErrors.MessageNotInConversation;
        }

        return conversation.MarkRead(currentUser.Id, messageId, clock.GetUtcNow());
    }
}
