using System.Globalization;
using System.Text;
using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Media;
using Astegni.Chat.Application.Media.DownloadMedia;
using Astegni.Chat.Application.Media.UploadMedia;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Media;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Astegni.Chat.Api.Endpoints;

/// <summary>
/// Upload (multipart field <c>file</c>) and download of media. The upload is read here, as HTTP: the
/// file part is buffered to a temporary file (deleted when the request ends) up to the largest limit, so
/// a refused, oversize or truncated upload never reaches the media storage or the database.
/// </summary>
public static class MediaEndpoints
{
    /// <summary>Room for the multipart framing (boundaries, part headers, a <c>kind</c> field) around the file.</summary>
    public const long MultipartOverheadBytes = 64 * 1024;

    private const string FileField = "file";
    private const string KindField = "kind";
    private const int MaxFieldBytes = 64;

    public static readonly Error NotMultipart = Error.Validation(
        "malformed_request", "Send the upload as multipart/form-data with the file in a field named 'file'.");

    public static readonly Error TruncatedMultipart = Error.Validation(
        "malformed_request", "The multipart body is incomplete or malformed.");

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
        return api;
    }

    public static async Task<IResult> UploadMedia(
        HttpRequest request, ISender sender, IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        var largest = options.Value.LargestLimit;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            // Kestrel's default (30 MB) is below the video limit; beyond the largest limit nothing is read.
            bodyLimit.MaxRequestBodySize = largest + MultipartOverheadBytes;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary) is not { Length: > 0 and <= 200 } boundary)
        {
            return Refuse(NotMultipart);
        }

        await using var upload = new MultipartUpload();
        if (await upload.ReadAsync(request.Body, boundary.ToString(), largest, cancellationToken) is { } refusal)
        {
            return Refuse(refusal);
        }

        if (upload.File is null)
        {
            return Refuse(MediaErrors.Missing);
        }

        var uploaded = await sender.Send(
            new UploadMedia(upload.File, upload.FileName, upload.Kind, upload.DeclaredContentType), cancellationToken);
        return uploaded.IsSuccess
            ? TypedResults.Created(uploaded.Value.Url, new MediaEnvelope(uploaded.Value))
            : Refuse(uploaded.Error);
    }

    /// <summary>
    /// The bytes, with byte ranges (206) for seeking in audio and video. Images, audio and video are
    /// shown inline, files are downloaded; the browser must not guess another type.
    /// </summary>
    public static async Task<IResult> DownloadMedia(ISender sender, HttpResponse response, int id, CancellationToken cancellationToken) =>
        (await sender.Send(new DownloadMedia(id), cancellationToken)).ToHttp(media =>
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
        });

    /// <summary>Too large is 413 wherever it is found out; every other refusal maps as usual.</summary>
    private static IResult Refuse(Error error) =>
        error.Code == MediaErrors.TooLargeCode
            ? TypedResults.Problem(
                detail: error.Message,
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The upload is too large.",
                extensions: new Dictionary<string, object?> { [ProblemCodes.Key] = error.Code })
            : ResultHttp.Problem(error);

    /// <summary>The parts of one upload request: the file (in a temporary file) and the optional <c>kind</c>.</summary>
    private sealed class MultipartUpload : IAsyncDisposable
    {
        public FileStream? File { get; private set; }
        public string? FileName { get; private set; }
        public string? DeclaredContentType { get; private set; }
        public string? Kind { get; private set; }

        /// <returns>Null when read; otherwise why the request is refused.</returns>
        public async Task<Error?> ReadAsync(Stream body, string boundary, long largest, CancellationToken cancellationToken)
        {
            var reader = new MultipartReader(boundary, body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
            try
            {
                while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
                    if (name == FileField && File is null)
                    {
                        FileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.ToString() : HeaderUtilities.RemoveQuotes(disposition.FileName).ToString();
                        DeclaredContentType = section.ContentType;
                        File = NewTemporaryFile();
                        if (!await CopyAtMostAsync(section.Body, File, largest, cancellationToken))
                        {
                            return TooLargeForAnyKind(largest);
                        }
                    }
                    else if (name == KindField)
                    {
                        Kind = await ReadFieldAsync(section.Body, cancellationToken);
                    }

                    // Any other part is skipped: the reader drains it on the way to the next one.
                }
            }
            catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLargeForAnyKind(largest);
            }
            catch (Exception exception) when (exception is BadHttpRequestException or IOException or InvalidDataException)
            {
                return TruncatedMultipart;
            }

            return null;
        }

        public async ValueTask DisposeAsync()
        {
            if (File is not null)
            {
                await File.DisposeAsync();
            }
        }

        private static Error TooLargeForAnyKind(long largest) => Error.Validation(
            MediaErrors.TooLargeCode,
            string.Create(CultureInfo.InvariantCulture, $"An upload holds at most {largest / (1024.0 * 1024.0):0.#} MB."));

        // Deleted when closed, which the request's end guarantees (await using).
        private static FileStream NewTemporaryFile() => new(
            Path.Combine(Path.GetTempPath(), $"astegni-upload-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            bufferSize: 81_920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);

        private static async Task<bool> CopyAtMostAsync(Stream source, Stream target, long maxBytes, CancellationToken cancellationToken)
        {
            var buffer = new byte[81_920];
            long copied = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                copied += read;
                if (copied > maxBytes)
                {
                    return false;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await target.FlushAsync(cancellationToken);
            return true;
        }

        private static async Task<string> ReadFieldAsync(Stream source, CancellationToken cancellationToken)
        {
            // A field longer than any kind is not a kind; its first bytes are enough to refuse it.
            var buffer = new byte[MaxFieldBytes];
            var read = await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return Encoding.UTF8.GetString(buffer, 0, read).Trim();
        }
    }
}

public sealed record MediaEnvelope(MediaView Media);
