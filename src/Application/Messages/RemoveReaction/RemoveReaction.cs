using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Messages.RemoveReaction;

/// <summary>Take back my reaction to a message I can see (nothing happens when I have none).</summary>
public sealed record RemoveReaction(int MessageId) : IChatCommand;

public sealed class RemoveReactionHandler(IChatDbContext db, ICurrentUser currentUser) : ICommandHandler<RemoveReaction, Result>
{
    public async ValueTask<Result> Handle(RemoveReaction command, CancellationToken cancellationToken)
    {
        var caller = currentUser.Id;
        var messageId = new MessageId(command.MessageId);
        if (await MessageAccess.StandingAsync(db, caller, messageId, cancellationToken) is null)
        {
            return MessageErrors.NotFound;
        }

        var message = await db.Messages
            .Include(m => m.Reactions.Where(r => r.UserId == caller))
            .FirstAsync(m => m.Id == messageId, cancellationToken);
        return message.RemoveReaction(caller);
    }
}
