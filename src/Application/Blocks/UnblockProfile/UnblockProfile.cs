using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Blocks.UnblockProfile;

/// <summary>
/// Lift my block on the user who owns this role profile: how Astegni's old chat modal unblocks
/// (<c>DELETE /block/{profile_id}/{profile_type}</c>). Blocks are per user, so this is UnblockUser for the
/// profile's owner: harmless when there is no block. A profile that resolves to nobody is not found.
/// </summary>
public sealed record UnblockProfile(int ProfileId, string ProfileType) : IChatCommand;

public sealed class UnblockProfileHandler(IChatDbContext db, ICurrentUser currentUser, IProfileDirectory profiles)
    : ICommandHandler<UnblockProfile, Result>
{
    public static readonly Error ProfileNotFound = Error.NotFound("profile_not_found", "No such profile.");

    public async ValueTask<Result> Handle(UnblockProfile command, CancellationToken cancellationToken)
    {
        if (await profiles.OwnerOfAsync(new ProfileRef(command.ProfileType, command.ProfileId), cancellationToken) is not { } blocked)
        {
            return ProfileNotFound;
        }

        var block = await db.Blocks.FirstOrDefaultAsync(
            b => b.BlockerUserId == currentUser.Id && b.BlockedUserId == blocked, cancellationToken);
        if (block is not null)
        {
            db.Blocks.Remove(block);
        }

        return Result.Success();
    }
}
