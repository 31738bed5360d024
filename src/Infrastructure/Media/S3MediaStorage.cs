using System.Buffers;
using System.Net;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Astegni.Chat.Application.Media;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Infrastructure.Media;

/// <summary>
/// Media in a bucket of an S3-compatible store (<c>Media:Storage</c> = <c>s3</c>), shared by every instance
/// of the service. Keys are generated as <see cref="LocalMediaStorage"/> does (<c>ab/abcdef…</c>) and are
/// the objects' keys; anything else given as a key is not found. An upload is spooled to a temporary file
/// while its size is counted (never held in memory), then stored with one PUT, which is all or nothing:
/// over the limit or on a failure, nothing is kept. Downloads go through the service (see the README).
/// </summary>
public sealed partial class S3MediaStorage : IMediaStorage, IDisposable
{
    private const int BufferSize = 81_920;
    private const string ContentType = "application/octet-stream";

    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly Lock _bucketLock = new();
    private Task? _bucketReady;

    public S3MediaStorage(IOptions<S3MediaStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (settings.Incompleteness() is { } incomplete)
        {
            throw new InvalidOperationException($"Media:Storage is s3, but {incomplete}.");
        }

        _bucket = settings.Bucket!;
        _client = new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), new AmazonS3Config
        {
            ServiceURL = settings.Endpoint,
            AuthenticationRegion = string.IsNullOrWhiteSpace(settings.Region) ? S3MediaStorageOptions.DefaultRegion : settings.Region,
            ForcePathStyle = true,
            // The SDK's default checksums (CRC trailers) are refused by many S3-compatible stores.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    /// <summary>The most one ranged GET of a download asks for (smaller in tests, to cross windows).</summary>
    internal long ReadWindow { get; init; } = S3ObjectReadStream.DefaultWindow;

    public async Task<StoredMedia?> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Guid.NewGuid().ToString("N");
        var key = $"{name[..2]}/{name}";
        var spoolPath = Path.Combine(Path.GetTempPath(), $"astegni-media-{name}.partial");
        await using var spool = new FileStream(
            spoolPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var size = await SpoolAsync(content, spool, maxBytes, cancellationToken);
        if (size is null)
        {
            return null;
        }

        spool.Position = 0;
        await EnsureBucketAsync(cancellationToken);
        try
        {
            // A signed payload instead of aws-chunked encoding: stores that do not decode chunks would keep them in the bytes.
            await _client.PutObjectAsync(
                new PutObjectRequest
                {
                    BucketName = _bucket,
                    Key = key,
                    InputStream = spool,
                    AutoCloseStream = false,
                    UseChunkEncoding = false,
                    ContentType = ContentType,
                },
                cancellationToken);
        }
        catch
        {
            // A PUT cut off after the store took the object (a cancellation, a lost answer) must not leave it behind.
            await DeleteAsync(key, CancellationToken.None);
            throw;
        }

        return new StoredMedia(key, size.Value);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        if (!IsKey(key))
        {
            return null;
        }

        try
        {
            var head = await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = key }, cancellationToken);
            return new S3ObjectReadStream(_client, _bucket, key, head.ContentLength, ReadWindow);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (!IsKey(key))
        {
            return;
        }

        try
        {
            await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            // Already removed (S3 itself answers 204 for a missing key; some stores answer 404).
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Copies <paramref name="content"/> to its end into <paramref name="spool"/>; null as soon as it is over <paramref name="maxBytes"/>.</summary>
    private static async Task<long?> SpoolAsync(Stream content, FileStream spool, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    return null;
                }

                await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await spool.FlushAsync(cancellationToken);
            return size;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Creates the bucket when it is missing, once per process (again after a failure), so a fresh store
    /// needs no setup. A bucket that exists is left as it is. The check is shared by concurrent uploads,
    /// so no single upload's cancellation cancels it.
    /// </summary>
    private Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        lock (_bucketLock)
        {
            if (_bucketReady is null || _bucketReady.IsFaulted || _bucketReady.IsCanceled)
            {
                _bucketReady = CreateBucketWhenMissingAsync();
            }

            return _bucketReady.WaitAsync(cancellationToken);
        }
    }

    private async Task CreateBucketWhenMissingAsync()
    {
        try
        {
            await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = _bucket }, CancellationToken.None);
            return;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            // Missing: created below.
        }

        try
        {
            await _client.PutBucketAsync(new PutBucketRequest { BucketName = _bucket }, CancellationToken.None);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Another instance created it in the meantime.
        }
    }

    private static bool IsKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    [GeneratedRegex("^[0-9a-f]{2}/[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
