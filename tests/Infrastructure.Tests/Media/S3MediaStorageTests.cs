using Astegni.Chat.Infrastructure.Media;
using Astegni.Chat.TestSupport;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Infrastructure.Tests.Media;

/// <summary>The object storage against a real S3-compatible server (s3rver), in a new bucket per test.</summary>
[NonParallelizable]
public sealed class S3MediaStorageTests
{
    private const long SmallWindow = 64 * 1024;

    private static readonly byte[] Bytes = [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7))];

    private PrivateObjectStore _store = null!;
    private string _bucket = null!;
    private S3MediaStorage _storage = null!;

    [OneTimeSetUp]
    public async Task StartTheStore() => _store = await PrivateObjectStore.StartAsync();

    [OneTimeTearDown]
    public async Task StopTheStore() => await _store.DisposeAsync();

    [SetUp]
    public void CreateStorage()
    {
        // Not created here: the storage creates its bucket on the first upload.
        _bucket = $"media-{Guid.NewGuid():N}"[..30];
        _storage = StorageOf(_bucket);
    }

    [TearDown]
    public void DisposeStorage() => _storage.Dispose();

    [Test]
    public async Task Save_ThenOpen_GivesBackTheSameBytes_SeekableWithTheirLength()
    {
        var stored = await _storage.SaveAsync(new MemoryStream(Bytes), maxBytes: Bytes.Length, CancellationToken.None);
        await using var opened = await _storage.OpenReadAsync(stored!.Key, CancellationToken.None);

        using var copy = new MemoryStream();
        await opened!.CopyToAsync(copy);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.SizeBytes, Is.EqualTo(Bytes.Length));
            Assert.That(stored.Key, Does.Match("^[0-9a-f]{2}/[0-9a-f]{32}$"));
            Assert.That(opened.CanSeek, Is.True);
            Assert.That(opened.CanWrite, Is.False);
            Assert.That(opened.Length, Is.EqualTo(Bytes.Length));
            Assert.That(copy.ToArray(), Is.EqualTo(Bytes), "read across several ranged GETs");
            Assert.That(await KeysAsync(), Is.EqualTo(new[] { stored.Key }));
        }
    }

    [Test]
    public async Task Save_OfMoreThanTheLimit_KeepsNothing()
    {
        var kept = await _storage.SaveAsync(new MemoryStream([1, 2, 3]), 10, CancellationToken.None);

        var stored = await _storage.SaveAsync(new MemoryStream(Bytes), maxBytes: Bytes.Length - 1, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored, Is.Null);
            Assert.That(await KeysAsync(), Is.EqualTo(new[] { kept!.Key }), "only the upload within its limit");
        }
    }

    [Test]
    public async Task Save_GivesEachContentItsOwnKey()
    {
        var first = await _storage.SaveAsync(new MemoryStream([1]), 10, CancellationToken.None);
        var second = await _storage.SaveAsync(new MemoryStream([1]), 10, CancellationToken.None);

        Assert.That(first!.Key, Is.Not.EqualTo(second!.Key));
    }

    [Test]
    public async Task Save_IntoABucketAnotherStorageAlreadyCreated_Works()
    {
        await _storage.SaveAsync(new MemoryStream([1]), 10, CancellationToken.None);
        using var otherInstance = StorageOf(_bucket);

        var stored = await otherInstance.SaveAsync(new MemoryStream([2]), 10, CancellationToken.None);

        Assert.That(await KeysAsync(), Does.Contain(stored!.Key));
    }

    [Test]
    public async Task Seek_ThenRead_ReturnsTheBytesFromThere_ForwardAndBack()
    {
        var stored = await _storage.SaveAsync(new MemoryStream(Bytes), Bytes.Length, CancellationToken.None);
        await using var opened = (await _storage.OpenReadAsync(stored!.Key, CancellationToken.None))!;

        var start = await ReadAsync(opened, 100);
        opened.Seek(200_000, SeekOrigin.Begin);
        var middle = await ReadAsync(opened, 1_000);
        opened.Position = 10;
        var back = await ReadAsync(opened, 50);
        opened.Seek(-16, SeekOrigin.End);
        var end = await ReadAsync(opened, 100);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(start, Is.EqualTo(Bytes[..100]));
            Assert.That(middle, Is.EqualTo(Bytes[200_000..201_000]));
            Assert.That(back, Is.EqualTo(Bytes[10..60]));
            Assert.That(end, Is.EqualTo(Bytes[^16..]), "stops at the end");
            Assert.That(opened.Position, Is.EqualTo(Bytes.Length));
        }
    }

    [Test]
    public async Task Read_AcrossAWindowBoundary_IsSeamless()
    {
        var stored = await _storage.SaveAsync(new MemoryStream(Bytes), Bytes.Length, CancellationToken.None);
        await using var opened = (await _storage.OpenReadAsync(stored!.Key, CancellationToken.None))!;

        opened.Position = SmallWindow - 10;
        var across = await ReadAsync(opened, 20);

        Assert.That(across, Is.EqualTo(Bytes[(int)(SmallWindow - 10)..(int)(SmallWindow + 10)]));
    }

    [TestCase("ab/0123456789abcdef0123456789abcdef", Description = "well formed, never stored")]
    [TestCase("../etc/passwd")]
    [TestCase("AB/0123456789ABCDEF0123456789ABCDEF")]
    [TestCase("")]
    public async Task Open_OfAKeyItNeverHandedOut_IsNull(string key)
    {
        await _storage.SaveAsync(new MemoryStream([1]), 10, CancellationToken.None);

        Assert.That(await _storage.OpenReadAsync(key, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Open_BeforeTheBucketExists_IsNull()
    {
        Assert.That(await _storage.OpenReadAsync("ab/0123456789abcdef0123456789abcdef", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Delete_Twice_IsFine_AndTheContentIsGone()
    {
        var stored = await _storage.SaveAsync(new MemoryStream([1, 2, 3]), 10, CancellationToken.None);

        await _storage.DeleteAsync(stored!.Key, CancellationToken.None);
        await _storage.DeleteAsync(stored.Key, CancellationToken.None);
        await _storage.DeleteAsync("../not-a-key", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await _storage.OpenReadAsync(stored.Key, CancellationToken.None), Is.Null);
            Assert.That(await KeysAsync(), Is.Empty);
        }
    }

    [Test]
    public void Settings_WithoutEndpointOrKeys_AreRefusedByName()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new S3MediaStorage(Options.Create(new S3MediaStorageOptions { Bucket = "media" })));

        Assert.That(error!.Message, Does.Contain("Media:S3:Endpoint").And.Contain("Media:S3:AccessKey").And.Contain("Media:S3:SecretKey"));
    }

    private S3MediaStorage StorageOf(string bucket) =>
        new(Options.Create(new S3MediaStorageOptions
        {
            Endpoint = _store.Endpoint,
            Bucket = bucket,
            Region = PrivateObjectStore.Region,
            AccessKey = PrivateObjectStore.AccessKey,
            SecretKey = PrivateObjectStore.SecretKey,
        }))
        {
            ReadWindow = SmallWindow,
        };

    private Task<List<string>> KeysAsync() => _store.KeysAsync(_bucket);

    private static async Task<byte[]> ReadAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        var total = 0;
        int read;
        while (total < count && (read = await stream.ReadAsync(buffer.AsMemory(total))) > 0)
        {
            total += read;
        }

        return buffer[..total];
    }
}
