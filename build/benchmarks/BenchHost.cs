using System.Net;
using System.Net.Http.Headers;
using Astegni.Chat.Api.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Astegni.Chat.Benchmarks;

/// <summary>
/// The real service (ChatHost, Production environment) on Kestrel at 127.0.0.1 and a free port, in this
/// process, over one benchmark database. Clients reach it over real TCP like any other client.
/// </summary>
public sealed class BenchHost : WebApplicationFactory<Program>
{
    public const string SigningKey = "benchmark-signing-key-that-is-long-enough-for-hs256";

    private static readonly JwtSettings Jwt = new() { SigningKey = SigningKey };

    private Uri? _address;

    public BenchHost(string connectionString)
    {
        // ChatHost reads these while it is composed, before WebApplicationFactory's own overrides apply.
        Environment.SetEnvironmentVariable("ConnectionStrings__Chat", connectionString);
        Environment.SetEnvironmentVariable("Jwt__SigningKey", SigningKey);
        // A benchmark is a script by design: the per-user limits would measure themselves.
        Environment.SetEnvironmentVariable("RateLimits__Enabled", "false");
        UseKestrel(0);
    }

    public Uri Address
    {
        get
        {
            if (_address is null)
            {
                StartServer();
                var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
                _address = new Uri(addresses.Addresses.First());
            }

            return _address;
        }
    }

    public static string TokenFor(int userId) => TokenIssuer.Issue(Jwt, userId, TimeSpan.FromHours(2));

    /// <summary>A client of its own (own connection pool, no proxy) acting as <paramref name="userId"/>.</summary>
    public HttpClient ClientFor(int userId)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        };
        var client = new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(userId));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // The service's own log levels apply; only its console chatter is kept out of the figures' output.
        builder.ConfigureLogging(logging => logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning));
    }
}
