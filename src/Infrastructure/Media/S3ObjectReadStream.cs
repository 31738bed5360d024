using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Astegni.Chat.Infrastructure.Media;

/// <summary>
/// One stored object as a read-only, seekable stream of known length, so a download's byte ranges are
/// served by ASP.NET as from a file. Reads continue a ranged GET from the current position; a seek drops
/// it and the next read opens another there. One GET asks for at most a window of bytes
/// (<see cref="DefaultWindow"/>), so a small range of a large video does not pull the rest of it from the store.
/// </summary>
internal sealed class S3ObjectReadStream : Stream
{
    internal const long DefaultWindow = 8L * 1024 * 1024;

    private readonly IAmazonS3 _client;
    private readonly string _bucket;
    private readonly string _key;
    private readonly long _length;
    private readonly long _window;
    private GetObjectResponse? _response;
    private long _responseEnd; // exclusive: the byte after the last one the open GET returns
    private long _position;
    private bool _disposed;

    public S3ObjectReadStream(IAmazonS3 client, string bucket, string key, long length, long window = DefaultWindow)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        _client = client;
        _bucket = bucket;
        _key = key;
        _length = length;
        _window = window;
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => !_disposed;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.Length == 0 || _position >= _length)
        {
            return 0;
        }

        if (_response is null || _position >= _responseEnd)
        {
            await OpenAtPositionAsync(cancellationToken);
        }

        var wanted = (int)Math.Min(buffer.Length, _responseEnd - _position);
        var read = await _response!.ResponseStream.ReadAsync(buffer[..wanted], cancellationToken);
        if (read == 0)
        {
            throw new IOException($"The object store ended media {_key} at byte {_position} of {_length}.");
        }

        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The SDK only has asynchronous calls on .NET; ASP.NET reads asynchronously, this is for other callers.
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        if (target < 0)
        {
            throw new IOException("An attempt was made to move the position before the beginning of the stream.");
        }

        if (target != _position)
        {
            CloseResponse();
            _position = target;
        }

        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseResponse();
        }

        _disposed = true;
        base.Dispose(disposing);
    }

    private async Task OpenAtPositionAsync(CancellationToken cancellationToken)
    {
        CloseResponse();
        var end = Math.Min(_length, _position + _window);
        _response = await _client.GetObjectAsync(
            new GetObjectRequest { BucketName = _bucket, Key = _key, ByteRange = new ByteRange(_position, end - 1) },
            cancellationToken);
        _responseEnd = end;
        if (_position > 0 && _response.HttpStatusCode != HttpStatusCode.PartialContent)
        {
            // A store that ignored the range sent the object from its first byte.
            CloseResponse();
            throw new IOException($"The object store did not serve a byte range of media {_key}.");
        }
    }

    private void CloseResponse()
    {
        _response?.Dispose();
        _response = null;
    }
}
