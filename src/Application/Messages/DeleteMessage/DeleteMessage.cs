using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Messages.DeleteMessage;

/// <summary>
/// Delete a message for me (any message I can see: it disappears from my view only) or for everyone
/// (my own within the window, or any message as a group admin: the content is erased, a tombstone stays).
/// </summary>
/// <param name="For"><c>me</c> (the default) or <c>everyone</c>.</param>
public sealed record DeleteMessage(int MessageId, string? For = null) : IChatCommand;

public enum DeleteScope
{
    Me,
    Everyone,
}

public sealed class DeleteMessageHandler(IChatDbContext db, ICurrentUser currentUser, IOptions<ChatOptions> options, TimeProvider clock)
    : ICommandHandler<DeleteMessage, Result>
{
    public async ValueTask<Result> Handle(DeleteMessage command, CancellationToken cancellationToken)
    {
        var caller = currentUser.Id;
        var messageId = new MessageId(command.MessageId);
        var scope = command.For is null ? DeleteScope.Me : WireValue.Parse<DeleteScope>(command.For);
        var standing = await MessageAccess.StandingAsync(db, caller, messageId, cancellationToken);
        if (standing is null)
        {
            return MessageErrors.NotFound;
        }

        return scope == DeleteScope.Everyone
            ? await DeleteForEveryoneAsync(caller, messageId, standing, cancellationToken)
            : await DeleteForMeAsync(caller, messageId, cancellationToken);
    }

    private async Task<Result> DeleteForEveryoneAsync(
        UserId caller, MessageId messageId, MessageStanding standing, CancellationToken cancellationToken)
    {
        // Reactions are loaded so that erasing the message removes their rows too.
        var message = await db.Messages.Include(m => m.Reactions).FirstAsync(m => m.Id == messageId, cancellationToken);
        return message.DeleteForEveryone(caller, standing.IsGroupAdmin, clock.GetUtcNow(), options.Value.EditWindow);
    }

    private async Task<Result> DeleteForMeAsync(UserId caller, MessageId messageId, CancellationToken cancellationToken)
    {
        var message = await db.Messages
            .Include(m => m.Deletions.Where(d => d.UserId == caller))
            .FirstAsync(m => m.Id == messageId, cancellationToken);
        var deleted = message.DeleteFor(caller, clock.GetUtcNow());
        if (!deleted.IsSuccess)
        {
            return deleted;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // The same deletion from another of my devices committed first: the message is gone for me either way.
            db.DiscardPendingChanges();
        }

        return Result.Success();
    }
}
