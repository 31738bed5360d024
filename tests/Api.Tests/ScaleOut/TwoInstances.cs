using Astegni.Chat.Api.Tests.Calls;
using Astegni.Chat.TestSupport;

namespace Astegni.Chat.Api.Tests.ScaleOut;

/// <summary>Two instances of the service on the assembly's test database and one private Redis, with the test's settings.</summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private TwoInstances(PrivateRedis redis, ConfiguredChatApiFactory one, ConfiguredChatApiFactory two)
    {
        Redis = redis;
        One = one;
        Two = two;
    }

    public PrivateRedis Redis { get; }
    public ConfiguredChatApiFactory One { get; }
    public ConfiguredChatApiFactory Two { get; }

    public static async Task<TwoInstances> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var redis = await PrivateRedis.StartAsync();
        var withRedis = new Dictionary<string, string>(settings) { ["Redis:Connection"] = redis.Configuration };
        var one = new ConfiguredChatApiFactory(withRedis);
        var two = new ConfiguredChatApiFactory(withRedis);
        _ = one.ServerAddress;
        _ = two.ServerAddress;
        return new TwoInstances(redis, one, two);
    }

    public async ValueTask DisposeAsync()
    {
        await One.DisposeAsync();
        await Two.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

/// <summary>A test class whose tests run against <see cref="TwoInstances"/>, started once for the class.</summary>
public abstract class TwoInstanceTest : ApiTest
{
    private TwoInstances? _instances;

    protected ConfiguredChatApiFactory One => Started.One;
    protected ConfiguredChatApiFactory Two => Started.Two;
    protected PrivateRedis Redis => Started.Redis;

    private TwoInstances Started => _instances ?? throw new InvalidOperationException("The instances are not started.");

    [OneTimeSetUp]
    public async Task StartTwoInstances() => _instances = await TwoInstances.StartAsync(await SettingsAsync());

    [OneTimeTearDown]
    public async Task StopTwoInstances()
    {
        if (_instances is not null)
        {
            await _instances.DisposeAsync();
        }
    }

    /// <summary>The class's configuration keys (<c>Redis:Connection</c> is added).</summary>
    protected abstract Task<IReadOnlyDictionary<string, string>> SettingsAsync();
}
