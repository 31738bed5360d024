using Astegni.Chat.Infrastructure.Media;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Infrastructure.Tests.Media;

/// <summary>The local file system storage, in a temporary directory of its own per test.</summary>
public class LocalMediaStorageTests
{
    private string _parent = null!;
    private string _root = null!;
    private LocalMediaStorage _storage = null!;

    [SetUp]
    public void CreateStorage()
    {
        _parent = Path.Combine(Path.GetTempPath(), $"astegni-storage-tests-{Guid.NewGuid():N}");
        _root = Path.Combine(_parent, "media");
        _storage = new LocalMediaStorage(Options.Create(new LocalMediaStorageOptions { Root = _root }));
    }

    [TearDown]
    public void RemoveStorage()
    {
        if (Directory.Exists(_parent))
        {
            Directory.Delete(_parent, recursive: true);
        }
    }

    private string[] Files() => Directory.Exists(_root) ? Directory.GetFiles(_root, "*", SearchOption.AllDirectories) : [];

    [Test]
    public async Task Save_ThenOpen_GivesBackTheSameBytes_SeekableWithTheirLength()
    {
        byte[] bytes = [.. Enumerable.Range(0, 300_000).Select(i => (byte)i)];

        var stored = await _storage.SaveAsync(new MemoryStream(bytes), maxBytes: bytes.Length, CancellationToken.None);
        await using var opened = await _storage.OpenReadAsync(stored!.Key, CancellationToken.None);

        using var copy = new MemoryStream();
        await opened!.CopyToAsync(copy);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.SizeBytes, Is.EqualTo(bytes.Length));
            Assert.That(stored.Key, Does.Match("^[0-9a-f]{2}/[0-9a-f]{32}$"));
            Assert.That(opened.CanSeek, Is.True);
            Assert.That(opened.Length, Is.EqualTo(bytes.Length));
            Assert.That(copy.ToArray(), Is.EqualTo(bytes));
            Assert.That(Files(), Has.Length.EqualTo(1));
        }
    }

    [Test]
    public async Task Save_CreatesTheRootWhenMissing()
    {
        Assume.That(Directory.Exists(_root), Is.False);

        await _storage.SaveAsync(new MemoryStream([1, 2, 3]), 10, CancellationToken.None);

        Assert.That(Directory.Exists(_root), Is.True);
    }

    [Test]
    public async Task Save_GivesEachContentItsOwnKey()
    {
        var first = await _storage.SaveAsync(new MemoryStream([1]), 10, CancellationToken.None);
        var second = await _storage.SaveAsync(new MemoryStream([1]), 10, CancellationToken.None);

        Assert.That(first!.Key, Is.Not.EqualTo(second!.Key));
    }

    [Test]
    public async Task Save_OfMoreThanTheLimit_KeepsNothing()
    {
        var stored = await _storage.SaveAsync(new MemoryStream(new byte[200_001]), maxBytes: 200_000, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored, Is.Null);
            Assert.That(Files(), Is.Empty);
        }
    }

    [Test]
    public async Task Save_WhenTheContentFailsMidway_KeepsNothing_AndLetsTheFailureThrough()
    {
        var failing = new FailingStream(bytesBeforeFailure: 100_000);

        Assert.That(async () => await _storage.SaveAsync(failing, 1_000_000, CancellationToken.None), Throws.InstanceOf<IOException>());
        Assert.That(Files(), Is.Empty);
    }

    [Test]
    public async Task Delete_RemovesTheContent_AndAgainIsHarmless()
    {
        var stored = await _storage.SaveAsync(new MemoryStream([1, 2]), 10, CancellationToken.None);

        await _storage.DeleteAsync(stored!.Key, CancellationToken.None);
        await _storage.DeleteAsync(stored.Key, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await _storage.OpenReadAsync(stored.Key, CancellationToken.None), Is.Null);
            Assert.That(Files(), Is.Empty);
        }
    }

    [Test]
    public async Task Open_AKeyThatWasNeverHandedOut_IsNotFound() =>
        Assert.That(await _storage.OpenReadAsync("ab/" + new string('0', 32), CancellationToken.None), Is.Null);

    [TestCase("../secret.txt")]
    [TestCase("ab/../../secret.txt")]
    [TestCase("/etc/passwd")]
    [TestCase("..")]
    [TestCase("")]
    [TestCase("AB/ABCDEF0123456789ABCDEF0123456789")]
    [TestCase("ab/0123456789abcdef0123456789abcdef/../../../secret.txt")]
    [TestCase("ab\\0123456789abcdef0123456789abcdef")]
    public async Task AnythingButAGeneratedKey_ReachesNoFile(string key)
    {
        Directory.CreateDirectory(_root);
        var outside = Path.Combine(_parent, "secret.txt");
        await File.WriteAllTextAsync(outside, "not media");

        var opened = await _storage.OpenReadAsync(key, CancellationToken.None);
        await _storage.DeleteAsync(key, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(opened, Is.Null);
            Assert.That(File.Exists(outside), Is.True);
        }
    }

    [Test]
    public void Resolve_ARelativeRoot_IsTakenFromTheContentRoot() =>
        Assert.That(
            LocalMediaStorageOptions.Resolve("uploads/media", "/srv/chat"),
            Is.EqualTo(Path.GetFullPath("/srv/chat/uploads/media")));

    [Test]
    public void Resolve_AnAbsoluteRoot_StaysAsConfigured() =>
        Assert.That(LocalMediaStorageOptions.Resolve("/var/lib/astegni/media", "/srv/chat"), Is.EqualTo("/var/lib/astegni/media"));

    [Test]
    public void Resolve_Unset_IsTheRepositorysIgnoredDataDirectory()
    {
        var contentRoot = Path.Combine(_parent, "src", "Api");
        Directory.CreateDirectory(contentRoot);
        File.WriteAllText(Path.Combine(_parent, "Astegni.Chat.sln"), string.Empty);

        Assert.That(LocalMediaStorageOptions.Resolve(null, contentRoot), Is.EqualTo(Path.Combine(_parent, ".data", "media")));
    }

    [Test]
    public void Resolve_UnsetOutsideARepository_IsUnderTheContentRoot()
    {
        var contentRoot = Path.Combine(_parent, "app");
        Directory.CreateDirectory(contentRoot);

        Assert.That(LocalMediaStorageOptions.Resolve(" ", contentRoot), Is.EqualTo(Path.Combine(contentRoot, ".data", "media")));
    }

    private sealed class FailingStream(int bytesBeforeFailure) : Stream
    {
        private int _left = bytesBeforeFailure;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_left <= 0)
            {
                throw new IOException("The client went away.");
            }

            var read = Math.Min(count, _left);
            _left -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
