using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Media.ExpireUnusedUploads;

/// <summary>
/// Forget uploads that no message uses, once they are older than <see cref="MediaOptions.UnusedUploadLifetime"/>:
/// their rows go in this command's transaction, and the caller deletes the files it answers with only after
/// the commit, so a rolled-back delete never leaves a row without its file. An item any message carries (sent,
/// forwarded, or deleted for someone) is never touched. At most <see cref="BatchSize"/> a call.
/// </summary>
public sealed record ExpireUnusedUploads : IChatCommand<ExpiredUploads>
{
    public const int BatchSize = 200;
}

/// <param name="StorageKeys">The files of the deleted rows, to delete from storage after the commit.</param>
public sealed record ExpiredUploads(IReadOnlyList<string> StorageKeys);

public sealed class ExpireUnusedUploadsHandler(IChatDbContext db, IOptions<MediaOptions> options, TimeProvider clock)
    : ICommandHandler<ExpireUnusedUploads, Result<ExpiredUploads>>
{
    public async ValueTask<Result<ExpiredUploads>> Handle(ExpireUnusedUploads command, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.UnusedUploadLifetime;
        var unused = db.Media.Where(m => m.CreatedAt < cutoff && !db.Messages.Any(message => message.MediaId == m.Id));
        var expired = await unused.OrderBy(m => m.Id).Take(ExpireUnusedUploads.BatchSize)
            .Select(m => new { m.Id, m.StorageKey })
            .ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return new ExpiredUploads([]);
        }

        var ids = expired.Select(e => e.Id).ToList();
        // The delete checks "no message uses it" again: an item a message took meanwhile stays, and so does its file.
        await unused.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        var kept = await db.Media.Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        return new ExpiredUploads([.. expired.Where(e => !kept.Contains(e.Id)).Select(e => e.StorageKey)]);
    }
}
