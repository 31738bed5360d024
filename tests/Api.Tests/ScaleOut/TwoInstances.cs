using Astegni.Chat.Api.Tests.Calls;
using Astegni.Chat.TestSupport;

namespace Astegni.Chat.Api.Tests.ScaleOut;

/// <summary>Two instances of the service on the assembly's test database and one private Redis, with the test's settings.</summary>
internal sealed class TwoInstances : IAsyncDisposable
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
