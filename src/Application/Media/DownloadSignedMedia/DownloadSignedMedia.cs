using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Media.DownloadMedia;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Media;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Media.DownloadSignedMedia;

/// <summary>
/// The bytes of a media item by its signed link (a message's or media object's <c>signed_url</c>), with no
/// bearer token: for <c>&lt;img&gt;</c> and <c>&lt;audio&gt;</c> elements and the old clients. The link works until
/// it expires, and only while the item is still shown somewhere: not once every message carrying it was
/// deleted for everyone.
/// </summary>
public sealed record DownloadSignedMedia(int MediaId, long Expires, string? Signature) : IChatQuery<MediaDownload>;

public sealed class DownloadSignedMediaHandler(IChatDbContext db, SignedMediaUrls links, IMediaStorage storage)
    : IQueryHandler<DownloadSignedMedia, Result<MediaDownload>>
{
    public async ValueTask<Result<MediaDownload>> Handle(DownloadSignedMedia query, CancellationToken cancellationToken)
    {
        switch (links.Check(query.MediaId, query.Expires, query.Signature))
        {
            case SignedLinkCheck.NotGenuine:
                return MediaErrors.LinkInvalid;
            case SignedLinkCheck.Expired:
                return MediaErrors.LinkExpired;
        }

        // Links are minted for an upload its uploader holds (no message yet) and for messages someone may see.
        var mediaId = new MediaId(query.MediaId);
        var item = await db.Media
            .AsNoTracking()
            .Where(m => m.Id == mediaId)
            .Where(m => !db.Messages.Any(message => message.MediaId == m.Id)
                || db.Messages.Any(message => message.MediaId == m.Id && !message.IsDeleted))
            .Select(MediaDownloads.Stored)
            .FirstOrDefaultAsync(cancellationToken);
        return await MediaDownloads.OpenAsync(storage, item, cancellationToken);
    }
}
