using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.RateLimits;
using Astegni.Chat.Application.Media.Formats;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Media;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Media.UploadMedia;

/// <summary>
/// Store a file I can then send in messages (image, file, voice note, video). What it is comes from its
/// bytes, checked against the allow-list, and decides its size limit; it stays mine until I send it.
/// </summary>
/// <param name="Content">The upload, readable and seekable (the API buffers the request body).</param>
/// <param name="FileName">The name the client gave; kept only as a label, made safe.</param>
/// <param name="Kind">
/// Optional <c>image|file|audio|video</c>, used only to tell audio from video in a WebM or MP4 whose
/// head does not show its tracks.
/// </param>
/// <param name="DeclaredContentType">The type the client declared; likewise only an audio/video tie-breaker.</param>
[RateLimited(RateLimit.Uploads)]
public sealed record UploadMedia(Stream Content, string? FileName, string? Kind = null, string? DeclaredContentType = null)
    : IChatCommand<MediaView>;

public sealed class UploadMediaHandler(
    IChatDbContext db,
    ICurrentUser currentUser,
    IMediaStorage storage,
    IOptions<MediaOptions> options,
    IRateLimiter limiter,
    IOptions<RateLimitOptions> rateLimits,
    TimeProvider clock,
    SignedMediaUrls links)
    : ICommandHandler<UploadMedia, Result<MediaView>>
{
    public async ValueTask<Result<MediaView>> Handle(UploadMedia command, CancellationToken cancellationToken)
    {
        var content = command.Content;
        content.Position = 0;
        var length = content.Length;
        if (length == 0)
        {
            return MediaErrors.Empty;
        }

        var head = new byte[(int)Math.Min(length, MediaSniffer.HeadLength)];
        await content.ReadExactlyAsync(head, cancellationToken);
        var sniffed = MediaSniffer.Sniff(head, isWhole: head.Length == length, HintOf(command));
        if (sniffed is null)
        {
            return MediaErrors.TypeNotAllowed;
        }

        var limit = options.Value.LimitFor(sniffed.Kind);
        if (length > limit)
        {
            return MediaErrors.TooLarge(sniffed.Kind, limit);
        }

        if (await OverVolumeOrQuotaAsync(length, cancellationToken) is { } over)
        {
            return over;
        }

        content.Position = 0;
        var stored = await storage.SaveAsync(content, limit, cancellationToken);
        if (stored is null)
        {
            return MediaErrors.TooLarge(sniffed.Kind, limit);
        }

        var item = new MediaItem(
            currentUser.Id,
            sniffed.Kind,
            sniffed.Format.MimeType,
            stored.SizeBytes,
            stored.Key,
            MediaFileNames.Safe(command.FileName, sniffed.Format),
            sniffed.Width,
            sniffed.Height,
            sniffed.DurationMs,
            clock.GetUtcNow());
        db.Media.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No row, no file: a stored file nobody can reference would only take space.
            await storage.DeleteAsync(stored.Key, CancellationToken.None);
            throw;
        }

        return MediaLinks.ViewOf(item, links);
    }

    // The bytes an hour count in whole megabytes; the quota is what I keep uploaded (unused uploads expire).
    private async Task<Error?> OverVolumeOrQuotaAsync(long length, CancellationToken cancellationToken)
    {
        var limits = rateLimits.Value;
        if (!limits.Enabled)
        {
            return null;
        }

        const long megabyte = 1024 * 1024;
        var megabytes = (int)((length + megabyte - 1) / megabyte);
        if (await limiter.TryAcquireAsync(RateLimit.UploadMegabytes, currentUser.Id, megabytes, cancellationToken) is { } hit)
        {
            return Error.RateLimited(hit);
        }

        var kept = await db.Media.Where(m => m.UploaderUserId == currentUser.Id).SumAsync(m => m.SizeBytes, cancellationToken);
        return kept + length > limits.StorageQuotaMegabytes * megabyte ? MediaErrors.QuotaExceeded(limits.StorageQuotaMegabytes) : null;
    }

    private static MediaKind? HintOf(UploadMedia command)
    {
        if (WireValue.TryParse<MediaKind>(command.Kind, out var kind))
        {
            return kind;
        }

        var declared = command.DeclaredContentType ?? string.Empty;
        return declared.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ? MediaKind.Audio
            : declared.StartsWith("video/", StringComparison.OrdinalIgnoreCase) ? MediaKind.Video
            : null;
    }
}
