using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Messages.ReactToMessage;

/// <summary>Set my one reaction to a message I can see, replacing any earlier one.</summary>
public sealed record ReactToMessage(int MessageId, string? Reaction) : IChatCommand;

public sealed class ReactToMessageHandler(IChatDbContext db, ICurrentUser currentUser, PolicyFacts policyFacts, TimeProvider clock)
    : ICommandHandler<ReactToMessage, Result>
{
    public async ValueTask<Result> Handle(ReactToMessage command, CancellationToken cancellationToken)
    {
        var caller = currentUser.Id;
        var messageId = new MessageId(command.MessageId);
        var standing = await MessageAccess.StandingAsync(db, caller, messageId, cancellationToken);
        if (standing is null)
        {
            return MessageErrors.NotFound;
        }

        // A reaction reaches the other person like a message: a block or their privacy stops it.
        if (standing.OtherUserId is { } other)
        {
            var decision = await policyFacts.MayMessageAsync(caller, other, cancellationToken);
            if (!decision.IsAllowed)
            {
                return decision.Refusal;
            }
        }

        var message = await db.Messages.Include(m => m.Reactions).FirstAsync(m => m.Id == messageId, cancellationToken);
        var reacted = message.React(caller, command.Reaction, clock.GetUtcNow());
        if (!reacted.IsSuccess)
        {
            return reacted;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // My reaction from another device was stored at the same moment; one per user, and that one stands.
            db.DiscardPendingChanges();
        }

        return Result.Success();
    }
}
