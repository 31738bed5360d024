using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Astegni.Chat.Browser.Tests.CrossOrigin;

/// <summary>
/// A stand-in for Astegni's frontend host: a tiny static server, apart from the chat service, that serves a test
/// page using the shipped client (clients/js) and the SignalR browser library. It listens on two ports, so two
/// origins: <see cref="AllowedOrigin"/>, which the service lists in Cors:AllowedOrigins, and <see cref="OtherOrigin"/>.
/// </summary>
public sealed class FrontendHost : IAsyncDisposable
{
    // Chosen before the chat service starts: it reads its allowed origins then.
    private static readonly int AllowedPort = FreePort();
    private static readonly int OtherPort = FreePort();

    private readonly WebApplication _app;

    private FrontendHost(WebApplication app) => _app = app;

    public static string AllowedOrigin => $"http://127.0.0.1:{AllowedPort}";

    public static string OtherOrigin => $"http://127.0.0.1:{OtherPort}";

    public static async Task<FrontendHost> StartAsync()
    {
        var root = RepositoryRoot();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(AllowedOrigin, OtherOrigin);
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(root, "clients", "js")),
            RequestPath = "/clients/js",
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(root, "src", "Api", "wwwroot", "lib")),
            RequestPath = "/lib",
        });
        app.MapGet("/", () => Results.Content(Page, "text/html"));
        await app.StartAsync();
        return new FrontendHost(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Astegni.Chat.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Astegni.Chat.sln not found above the test binaries.");
    }

    // The page calls the chat service (?api=) with the token (?token=) through the shipped client: it lists the
    // conversations, opens the hub and records what arrives, and exposes the client for the test to send with.
    private const string Page = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Astegni frontend (test)</title>
        <script src="/lib/signalr.min.js"></script></head>
        <body><pre id="log"></pre>
        <script type="module">
        import { ChatClient } from '/clients/js/astegni-chat.js';
        const params = new URLSearchParams(location.search);
        const chat = new ChatClient({ baseUrl: params.get('api'), token: () => params.get('token') });
        const log = (line) => { document.getElementById('log').textContent += line + '\n'; };
        window.chat = chat;
        window.received = [];
        window.outcome = (async () => {
          const outcome = {};
          try {
            outcome.conversations = (await chat.listConversations()).conversations.length;
            log('REST: ' + outcome.conversations + ' conversations');
          } catch (error) { outcome.restError = String(error); log('REST refused: ' + error); }
          try {
            window.hub = await chat.connectHub(window.signalR, {
              message_created: ({ message }) => { window.received.push(message.content); log('hub: ' + message.content); },
            }, { reconnect: false });
            outcome.hub = 'connected';
            log('hub connected');
          } catch (error) { outcome.hubError = String(error); log('hub refused: ' + error); }
          return outcome;
        })();
        </script></body></html>
        """;
}
