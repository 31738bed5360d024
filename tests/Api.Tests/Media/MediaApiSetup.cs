using System.Net.Http.Headers;
using Astegni.Chat.Application.Media;
using Astegni.Chat.Infrastructure.Media;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Api.Tests.Media;

/// <summary>
/// The media tests' own service (same database), storing into a fresh temporary directory the tests can
/// list, with small limits so that "too large" costs kilobytes, not megabytes.
/// </summary>
[SetUpFixture]
public sealed class MediaApiSetup
{
    public static MediaApiFactory Factory { get; private set; } = null!;

    [OneTimeSetUp]
    public void Start() => Factory = new MediaApiFactory(new MediaOptions
    {
        MaxImageBytes = SmallLimits.Image,
        MaxAudioBytes = SmallLimits.Audio,
        MaxVideoBytes = SmallLimits.Video,
        MaxFileBytes = SmallLimits.File,
    });

    [OneTimeTearDown]
    public async Task Stop() => await Factory.DisposeAsync();
}

public static class SmallLimits
{
    public const long Image = 64 * 1024;
    public const long Audio = 96 * 1024;
    public const long Video = 256 * 1024;
    public const long File = 128 * 1024;
}

/// <summary>The service on Kestrel with media in a temporary directory (removed on dispose) and the given limits.</summary>
public sealed class MediaApiFactory : WebApplicationFactory<Program>
{
    private readonly MediaOptions _limits;

    // The connection string and signing key come from the environment ChatApiFactory set for the assembly.
    public MediaApiFactory(MediaOptions limits)
    {
        _limits = limits;
        MediaRoot = Path.Combine(Path.GetTempPath(), $"astegni-media-tests-{Guid.NewGuid():N}", "not-yet-created");
        UseKestrel(0);
    }

    public string MediaRoot { get; }

    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            return new Uri(addresses.Addresses.First());
        }
    }

    public HttpClient ClientFor(int userId)
    {
        var client = new HttpClient { BaseAddress = ServerAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ChatApiFactory.TokenFor(userId));
        return client;
    }

    /// <summary>Every file under the media root (none when it was never created).</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(MediaRoot) ? Directory.GetFiles(MediaRoot, "*", SearchOption.AllDirectories) : [];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        var parent = Path.GetDirectoryName(MediaRoot)!;
        if (Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services =>
        {
            services.Configure<LocalMediaStorageOptions>(o => o.Root = MediaRoot);
            services.Configure<MediaOptions>(o =>
            {
                o.MaxImageBytes = _limits.MaxImageBytes;
                o.MaxAudioBytes = _limits.MaxAudioBytes;
                o.MaxVideoBytes = _limits.MaxVideoBytes;
                o.MaxFileBytes = _limits.MaxFileBytes;
            });
        });
    }
}

/// <summary>A test against <see cref="MediaApiSetup.Factory"/>; users' clients talk to that service.</summary>
public abstract class MediaTest : ApiTest
{
    protected static MediaApiFactory Media => MediaApiSetup.Factory;

    protected static async Task<TestUser> MediaUserAsync(string firstName)
    {
        var id = await Db.AddUserAsync(firstName);
        return new TestUser(id, Media.ClientFor(id));
    }

    protected static Task<long> MediaRowsAsync() => Db.ScalarAsync<long>("SELECT count(*) FROM chat_media");

    /// <summary>A refused upload leaves no file in storage and no row: the counts are what they were before it.</summary>
    protected static async Task AssertNothingStoredAsync(int filesBefore, long rowsBefore = 0)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Media.StoredFiles(), Has.Count.EqualTo(filesBefore), "files in the media storage");
            Assert.That(await MediaRowsAsync(), Is.EqualTo(rowsBefore), "chat_media rows");
        }
    }
}
