using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Blocks;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Blocks.BlockUser;

/// <summary>Block a user: from now on neither of us can message or open a chat with the other. Blocking twice is harmless.</summary>
public sealed record BlockUser(int BlockedUserId, string? Reason = null) : IChatCommand;

public sealed class BlockUserHandler(IChatDbContext db, ICurrentUser currentUser, IUserDirectory users, TimeProvider clock)
    : ICommandHandler<BlockUser, Result>
{
    public async ValueTask<Result> Handle(BlockUser command, CancellationToken cancellationToken)
    {
        var blocked = new UserId(command.BlockedUserId);
        var block = Block.Create(currentUser.Id, blocked, command.Reason, clock.GetUtcNow());
        if (!block.IsSuccess)
        {
            return block.Error;
        }

        if (!await users.IsActiveUserAsync(blocked, cancellationToken))
        {
            return UserErrors.NotFound;
        }

        if (await db.Blocks.AnyAsync(b => b.BlockerUserId == currentUser.Id && b.BlockedUserId == blocked, cancellationToken))
        {
            return Result.Success();
        }

        db.Blocks.Add(block.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // The same block arrived twice at once; one row is what we want.
            db.DiscardPendingChanges();
        }

        return Result.Success();
    }
}
