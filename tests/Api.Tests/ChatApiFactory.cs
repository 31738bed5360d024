using System.Net.Http.Headers;
using Astegni.Chat.Api.Auth;
using Astegni.Chat.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Api.Tests;

/// <summary>The real service on Kestrel (127.0.0.1, a free port) over the assembly's test database.</summary>
public sealed class ChatApiFactory : WebApplicationFactory<Program>
{
    public const string SigningKey = "api-tests-signing-key-that-is-long-enough-for-hs256";

    /// <summary>The one origin listed in <c>Cors:AllowedOrigins</c>, as Astegni's frontend host.</summary>
    public const string AllowedOrigin = "https://www.astegni.et";

    public ChatApiFactory(string connectionString)
    {
        // The host reads these while it is composed, before WebApplicationFactory's own overrides apply.
        Environment.SetEnvironmentVariable("ConnectionStrings__Chat", connectionString);
        Environment.SetEnvironmentVariable("Jwt__SigningKey", SigningKey);
        Environment.SetEnvironmentVariable("Cors__AllowedOrigins__0", AllowedOrigin);
        // Tests send far faster than people and reuse user ids after each reset; the limit tests turn them on.
        Environment.SetEnvironmentVariable("RateLimits__Enabled", "false");
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

    public static JwtSettings Jwt => new() { SigningKey = SigningKey };

    public static string TokenFor(int userId) => TokenIssuer.Issue(Jwt, userId, TimeSpan.FromHours(1));

    public HttpClient ClientFor(int userId)
    {
        var client = new HttpClient { BaseAddress = ServerAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(userId));
        return client;
    }

    public HttpClient AnonymousClient() => new() { BaseAddress = ServerAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Testing");
}
