using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Infrastructure.Directories;

/// <summary>Connected = an accepted connection between the two users, in either direction, whatever their roles.</summary>
internal sealed class ConnectionDirectory(IChatDbContext db) : IConnectionDirectory
{
    public Task<bool> AreConnectedAsync(UserId a, UserId b, CancellationToken cancellationToken) =>
        db.Connections.AnyAsync(
            c => c.Status == ConnectionRecord.Accepted
                 && ((c.RequestedBy == a && c.RecipientId == b) || (c.RequestedBy == b && c.RecipientId == a)),
            cancellationToken);
}
