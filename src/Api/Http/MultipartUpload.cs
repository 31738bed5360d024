using System.Globalization;
using System.Text;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Media;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Astegni.Chat.Api.Http;

/// <summary>
/// The parts of one upload request (multipart field <c>file</c>, optional <c>kind</c>): the file part is
/// buffered to a temporary file (deleted when disposed) up to the largest limit, so a refused, oversize
/// or truncated upload never reaches the media storage or the database.
/// </summary>
public sealed class MultipartUpload : IAsyncDisposable
{
    /// <summary>Room for the multipart framing (boundaries, part headers, a <c>kind</c> field) around the file.</summary>
    public const long OverheadBytes = 64 * 1024;

    private const string FileField = "file";
    private const string KindField = "kind";
    private const int MaxFieldBytes = 64;

    public static readonly Error NotMultipart = Error.Validation(
        "malformed_request", "Send the upload as multipart/form-data with the file in a field named 'file'.");

    public static readonly Error TruncatedMultipart = Error.Validation(
        "malformed_request", "The multipart body is incomplete or malformed.");

    public FileStream? File { get; private set; }
    public string? FileName { get; private set; }
    public string? DeclaredContentType { get; private set; }
    public string? Kind { get; private set; }

    /// <summary>The boundary of a <c>multipart/form-data</c> content type; false for anything else.</summary>
    public static bool TryGetBoundary(string? contentType, out string boundary)
    {
        boundary = "";
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !parsed.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(parsed.Boundary) is not { Length: > 0 and <= 200 } found)
        {
            return false;
        }

        boundary = found.ToString();
        return true;
    }

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

    private static Error TooLargeForAnyKind(long largest) => Error.TooLarge(
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
