using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Blocks.UnblockUser;

/// <summary>Lift my block on a user. Lifting a block that does not exist is harmless; their block on me stays.</summary>
public sealed record UnblockUser(int BlockedUserId) : IChatCommand;

public sealed class UnblockUserHandler(IChatDbContext db, ICurrentUser currentUser) : ICommandHandler<UnblockUser, Result>
{
    public async ValueTask<Result> Handle(UnblockUser command, CancellationToken cancellationToken)
    {
        var blocked = new UserId(command.BlockedUserId);
        var block = await db.Blocks.FirstOrDefaultAsync(
            b => b.BlockerUserId == currentUser.Id && b.BlockedUserId == blocked, cancellationToken);
        if (block is not null)
        {
            db.Blocks.Remove(block);
        }

        return Result.Success();
    }
}
