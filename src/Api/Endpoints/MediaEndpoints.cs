using System.Globalization;
using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Media;
using Astegni.Chat.Application.Media.DownloadMedia;
using Astegni.Chat.Application.Media.DownloadSignedMedia;
using Astegni.Chat.Application.Media.UploadMedia;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Media;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Astegni.Chat.Api.Endpoints;

/// <summary>
/// Upload (multipart field <c>file</c>) and download of media. The upload is read here, as HTTP, by
/// <see cref="MultipartUpload"/>, so a refused, oversize or truncated upload never reaches the media
/// storage or the database.
/// </summary>
public static class MediaEndpoints
{
    public static RouteGroupBuilder MapMediaEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/media").WithTags("Media");
        group.MapPost("/", UploadMedia)
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<MediaEnvelope>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{id:int}", DownloadMedia)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent, contentType: "application/octet-stream");
        group.MapGet("/{id:int}/signed", DownloadSignedMedia)
            .AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status410Gone);
        return api;
    }

    public static async Task<IResult> UploadMedia(
        HttpRequest request, ISender sender, IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        var largest = options.Value.LargestLimit;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            // Kestrel's default (30 MB) is below the video limit; beyond the largest limit nothing is read.
            bodyLimit.MaxRequestBodySize = largest + MultipartUpload.OverheadBytes;
        }

        if (!MultipartUpload.TryGetBoundary(request.ContentType, out var boundary))
        {
            return ResultHttp.Problem(MultipartUpload.NotMultipart);
        }

        await using var upload = new MultipartUpload();
        if (await upload.ReadAsync(request.Body, boundary, largest, cancellationToken) is { } refusal)
        {
            return ResultHttp.Problem(refusal);
        }

        if (upload.File is null)
        {
            return ResultHttp.Problem(MediaErrors.Missing);
        }

        var uploaded = await sender.Send(
            new UploadMedia(upload.File, upload.FileName, upload.Kind, upload.DeclaredContentType), cancellationToken);
        return uploaded.IsSuccess
            ? TypedResults.Created(uploaded.Value.Url, new MediaEnvelope(uploaded.Value))
            : ResultHttp.Problem(uploaded.Error);
    }

    /// <summary>
    /// The bytes, with byte ranges (206) for seeking in audio and video. Images, audio and video are
    /// shown inline, files are downloaded; the browser must not guess another type.
    /// </summary>
    public static async Task<IResult> DownloadMedia(ISender sender, HttpResponse response, int id, CancellationToken cancellationToken) =>
        (await sender.Send(new DownloadMedia(id), cancellationToken)).ToHttp(media => Serve(response, media));

    /// <summary>
    /// The same bytes and headers by a signed link, without a bearer token (the <c>signed_url</c> of a media
    /// object): 403 <c>media_link_invalid</c> for a signature that does not fit, 410 <c>media_link_expired</c>
    /// after <c>expires</c> (unix seconds).
    /// </summary>
    public static async Task<IResult> DownloadSignedMedia(
        ISender sender, HttpResponse response, int id, long? expires, string? signature, CancellationToken cancellationToken) =>
        (await sender.Send(new DownloadSignedMedia(id, expires ?? 0, signature), cancellationToken)).ToHttp(media => Serve(response, media));

    private static IResult Serve(HttpResponse response, MediaDownload media)
    {
        var disposition = new ContentDispositionHeaderValue(media.ShowInline ? "inline" : "attachment");
        disposition.SetHttpFileName(media.FileName);
        var headers = response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = media.Kind == MediaKind.Image ? "private, max-age=86400" : "private, no-cache";
        return TypedResults.File(
            media.Content,
            media.ContentType,
            lastModified: media.CreatedAt,
            entityTag: new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture, $"\"media-{media.MediaId}\"")),
            enableRangeProcessing: true);
    }
}

public sealed record MediaEnvelope(MediaView Media);
