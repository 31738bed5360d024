using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Messages.UnpinMessage;

/// <summary>Unpin a message, with the same permission as pinning it.</summary>
public sealed record UnpinMessage(int MessageId) : IChatCommand;

public sealed class UnpinMessageHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UnpinMessage, Result>
{
    public async ValueTask<Result> Handle(UnpinMessage command, CancellationToken cancellationToken)
    {
        var caller = currentUser.Id;
        var messageId = new MessageId(command.MessageId);
        var standing = await MessageAccess.StandingAsync(db, caller, messageId, cancellationToken);
        if (standing is null)
        {
            return MessageErrors.NotFound;
        }

        var message = await db.Messages.FirstAsync(m => m.Id == messageId, cancellationToken);
        return message.Unpin(caller, standing.MayPin, clock.GetUtcNow());
    }
}
