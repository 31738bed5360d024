using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Api.Tests.Calls;

/// <summary>
/// The service on Kestrel over the assembly's test database with some configuration keys of the test's own
/// (e.g. <c>Calls:RingTimeout</c>), set the way an operator sets them. The connection string and signing key
/// come from the environment <see cref="ChatApiFactory"/> set for the assembly.
/// </summary>
public sealed class ConfiguredChatApiFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    public ConfiguredChatApiFactory(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            return new Uri(addresses.Addresses.First());
        }
    }

    public TestUser User(int userId)
    {
        var client = new HttpClient { BaseAddress = ServerAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ChatApiFactory.TokenFor(userId));
        return new TestUser(userId, client);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
