using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.ArchiveConversation;

/// <summary>
/// Archive or unarchive a conversation for me. An archived conversation leaves my main list, and new
/// messages do not bring it back, until I unarchive it. Nobody else's list changes.
/// </summary>
public sealed record ArchiveConversation(int ConversationId, bool Archived) : IChatCommand;

public sealed class ArchiveConversationHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ArchiveConversation, Result>
{
    public async ValueTask<Result> Handle(ArchiveConversation command, CancellationToken cancellationToken)
    {
        var conversationId = new ConversationId(command.ConversationId);
        var me = await db.Participants.FirstOrDefaultAsync(
            p => p.ConversationId == conversationId && p.UserId == currentUser.Id && p.IsActive, cancellationToken);
        if (me is null)
        {
            return ConversationErrors.NotFound;
        }

        if (command.Archived)
        {
            me.Archive(clock.GetUtcNow());
        }
        else
        {
            me.Unarchive(clock.GetUtcNow());
        }

        return Result.Success();
    }
}
