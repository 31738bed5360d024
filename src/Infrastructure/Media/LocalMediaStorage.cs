using System.Buffers;
using System.Text.RegularExpressions;
using Astegni.Chat.Application.Media;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Infrastructure.Media;

/// <summary>
/// Media on the local file system under <see cref="LocalMediaStorageOptions.Root"/>. A key is
/// <c>ab/abcdef…</c> (two hex characters of a random 128-bit name, then the name): generated here, so no
/// client text ever reaches a path, and anything else given as a key is not found. Content is written
/// to a <c>.partial</c> file and renamed when complete, so a key never names half a file.
/// </summary>
public sealed partial class LocalMediaStorage : IMediaStorage
{
    private const int BufferSize = 81_920;
    private const string PartialSuffix = ".partial";

    private readonly string _root;

    public LocalMediaStorage(IOptions<LocalMediaStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _root = Path.GetFullPath(options.Value.Root ?? throw new InvalidOperationException("Media:Root is not set."));
    }

    public string Root => _root;

    public async Task<StoredMedia?> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Guid.NewGuid().ToString("N");
        var key = $"{name[..2]}/{name}";
        var path = PathOf(key);
        var partial = path + PartialSuffix;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long size = 0;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        break;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (size > maxBytes)
            {
                File.Delete(partial);
                return null;
            }

            File.Move(partial, path);
            return new StoredMedia(key, size);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        if (!IsKey(key))
        {
            return Task.FromResult<Stream?>(null);
        }

        try
        {
            Stream stream = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (IsKey(key))
        {
            File.Delete(PathOf(key));
        }

        return Task.CompletedTask;
    }

    private static bool IsKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    private string PathOf(string key) => Path.Combine(_root, key[..2], key[3..]);

    [GeneratedRegex("^[0-9a-f]{2}/[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
