using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Messages;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Media;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Media.DownloadMedia;

/// <summary>
/// The bytes of a media item, for its uploader and for whoever can see a message that carries it (a
/// member of a conversation it was sent or forwarded to). Anyone else: not found.
/// </summary>
public sealed record DownloadMedia(int MediaId) : IChatQuery<MediaDownload>;

/// <param name="Content">Seekable, with a known length (byte ranges are served from it); the caller disposes it.</param>
/// <param name="ContentType">The Content-Type to serve it with.</param>
/// <param name="FileName">A safe name for Content-Disposition.</param>
public sealed record MediaDownload(
    int MediaId, Stream Content, string ContentType, MediaKind Kind, string FileName, DateTimeOffset CreatedAt)
{
    /// <summary>Images, audio and video are shown in place; files are downloaded.</summary>
    public bool ShowInline => Kind != MediaKind.File;
}

public sealed class DownloadMediaHandler(IChatDbContext db, ICurrentUser currentUser, IMediaStorage storage)
    : IQueryHandler<DownloadMedia, Result<MediaDownload>>
{
    public async ValueTask<Result<MediaDownload>> Handle(DownloadMedia query, CancellationToken cancellationToken)
    {
        var caller = currentUser.Id;
        var mediaId = new MediaId(query.MediaId);
        var visibleMessages = MessageAccess.VisibleTo(db, caller);
        var item = await db.Media
            .AsNoTracking()
            .Where(m => m.Id == mediaId)
            .Where(m => m.UploaderUserId == caller || visibleMessages.Any(message => message.MediaId == m.Id && !message.IsDeleted))
            .Select(MediaDownloads.Stored)
            .FirstOrDefaultAsync(cancellationToken);
        return await MediaDownloads.OpenAsync(storage, item, cancellationToken);
    }
}
