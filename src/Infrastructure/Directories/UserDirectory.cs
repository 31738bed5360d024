using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Infrastructure.Directories;

internal sealed class UserDirectory(IChatDbContext db) : IUserDirectory
{
    public Task<bool> IsActiveUserAsync(UserId userId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken);
}
