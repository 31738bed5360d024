using System.Net.Http.Headers;
using Astegni.Chat.Api.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Browser.Tests;

/// <summary>
/// The real service on Kestrel (127.0.0.1, a free port), serving the web page from src/Api/wwwroot,
/// in the given environment. Tokens are minted here for test users, as Astegni's login would.
/// </summary>
public sealed class BrowserChatFactory : WebApplicationFactory<Program>
{
    public const string SigningKey = "browser-tests-signing-key-that-is-long-enough-for-hs256";

    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Configuration keys of the test's own (<c>Redis:Connection</c>), set as an operator sets them.</param>
    public BrowserChatFactory(string connectionString, string environment, string mediaRoot, IReadOnlyDictionary<string, string>? settings = null)
    {
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string>();
        // The host reads these while it is composed, before WebApplicationFactory's own overrides apply.
        Environment.SetEnvironmentVariable("ConnectionStrings__Chat", connectionString);
        Environment.SetEnvironmentVariable("Jwt__SigningKey", SigningKey);
        Environment.SetEnvironmentVariable("Media__Root", mediaRoot);
        // Tests seed history faster than people type and reuse user ids after each reset.
        Environment.SetEnvironmentVariable("RateLimits__Enabled", "false");
        Environment.SetEnvironmentVariable("Cors__AllowedOrigins__0", CrossOrigin.FrontendHost.AllowedOrigin);
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

    public static string TokenFor(int userId) =>
        TokenIssuer.Issue(new JwtSettings { SigningKey = SigningKey }, userId, TimeSpan.FromHours(1));

    public HttpClient ClientFor(int userId)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(userId));
        return client;
    }

    public HttpClient AnonymousClient() => new() { BaseAddress = ServerAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
