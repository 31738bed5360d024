using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Messages.PinMessage;

/// <summary>Pin a message I can see to its conversation: any member of a direct chat, only admins in a group.</summary>
public sealed record PinMessage(int MessageId) : IChatCommand;

public sealed class PinMessageHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<PinMessage, Result>
{
    public async ValueTask<Result> Handle(PinMessage command, CancellationToken cancellationToken)
    {
        var caller = currentUser.Id;
        var messageId = new MessageId(command.MessageId);
        var standing = await MessageAccess.StandingAsync(db, caller, messageId, cancellationToken);
        if (standing is null)
        {
            return MessageErrors.NotFound;
        }

        var message = await db.Messages.FirstAsync(m => m.Id == messageId, cancellationToken);
        return message.Pin(caller, standing.MayPin, clock.GetUtcNow());
    }
}
