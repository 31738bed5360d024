using Astegni.Chat.TestSupport.Legacy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Api.Tests.Legacy;

/// <summary>The real service on Kestrel over the upgraded legacy database, with the legacy key.</summary>
public sealed class LegacyHost : WebApplicationFactory<Program>
{
    /// <param name="redis">A Redis to scale out on (<c>Redis:Connection</c>), or none for one instance alone.</param>
    public LegacyHost(string connectionString, string? redis = null)
    {
        UseKestrel(0);
        // The host reads its connection string while it is composed; the shared service started long before.
        var shared = Environment.GetEnvironmentVariable("ConnectionStrings__Chat");
        Environment.SetEnvironmentVariable("ConnectionStrings__Chat", connectionString);
        Environment.SetEnvironmentVariable("Legacy__ChatEncryptionKey", LegacyDatabase.FernetKey);
        Environment.SetEnvironmentVariable("Redis__Connection", redis);
        try
        {
            StartServer();
        }
        finally
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__Chat", shared);
            Environment.SetEnvironmentVariable("Legacy__ChatEncryptionKey", null);
            Environment.SetEnvironmentVariable("Redis__Connection", null);
        }
    }

    public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public TestUser User(int userId)
    {
        var client = new HttpClient { BaseAddress = ServerAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", ChatApiFactory.TokenFor(userId));
        return new TestUser(userId, client);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Testing");
}
