using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Astegni.Chat.Api.Tests.Http;

/// <summary>Issue 8, defect 5: a malformed JSON body is the client's mistake, not an error of ours.</summary>
public sealed class ClientMistakeLogTests : ApiTest
{
    [Test]
    public async Task Malformed_json_is_answered_400_and_logged_without_an_error()
    {
        var logs = new RecordingLoggerProvider();
        await using var factory = new LoggedFactory(logs);
        var user = await UserAsync("Abebe");
        using var client = new HttpClient { BaseAddress = factory.ServerAddress };
        client.DefaultRequestHeaders.Authorization = user.Http.DefaultRequestHeaders.Authorization;

        using var response = await client.PostAsync(new Uri("/api/chat/messages", UriKind.Relative),
            new StringContent("{\"conversation_id\": 1, \"content\": ", Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
        Assert.That(logs.Entries.Where(entry => entry.Level >= LogLevel.Error), Is.Empty);
    }

    [Test]
    public async Task Each_request_is_logged_once_with_route_status_user_and_trace_id_but_never_its_content_or_token()
    {
        var logs = new RecordingLoggerProvider();
        await using var factory = new LoggedFactory(logs);
        var user = await UserAsync("Abebe");
        var friend = await UserAsync("Almaz");
        var conversationId = await user.OpenDirectIdAsync(friend.Id);
        using var client = new HttpClient { BaseAddress = factory.ServerAddress };
        client.DefaultRequestHeaders.Authorization = user.Http.DefaultRequestHeaders.Authorization;

        using var sent = await client.PostAsync(new Uri("/api/chat/messages", UriKind.Relative), new StringContent(
            $"{{\"conversation_id\": {conversationId}, \"message_type\": \"text\", \"content\": \"meet me at the secret place\"}}",
            Encoding.UTF8, "application/json"));
        using var refused = await client.GetAsync(new Uri("/api/chat/messages/999999", UriKind.Relative));
        var traceId = (await refused.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found"))["trace_id"]!.GetValue<string>();

        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var requests = logs.Entries.Where(entry => entry.Category == "Astegni.Chat.Requests").Select(entry => entry.Message).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(requests.Count(m => m.StartsWith("POST /api/chat/messages answered 201", StringComparison.Ordinal)), Is.EqualTo(1), string.Join("\n", requests));
            Assert.That(requests.Single(m => m.Contains("answered 404", StringComparison.Ordinal)),
                Does.StartWith("GET /api/chat/messages/{conversationId:int} answered 404").And.Contain($"user {user.Id}").And.Contain(traceId));
            Assert.That(logs.Entries.Where(e => e.Message.Contains("secret place", StringComparison.Ordinal)), Is.Empty, "message content is never logged");
            Assert.That(logs.Entries.Where(e => e.Message.Contains(user.Http.DefaultRequestHeaders.Authorization!.Parameter!, StringComparison.Ordinal)), Is.Empty, "tokens are never logged");
        });
    }

    private sealed record Entry(LogLevel Level, string Category, string Message);

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Recorder(RecordingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Entries.Enqueue(new Entry(logLevel, category, formatter(state, exception)));
        }
    }

    // The connection string and signing key come from the environment ChatApiFactory set for the assembly.
    private sealed class LoggedFactory : WebApplicationFactory<Program>
    {
        private readonly RecordingLoggerProvider _logs;

        public LoggedFactory(RecordingLoggerProvider logs)
        {
            _logs = logs;
            UseKestrel(0);
        }

        public Uri ServerAddress
        {
            get
            {
                StartServer();
                return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // What build/run serves: there the framework throws on a body it cannot read.
            builder.UseEnvironment("Development");
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(_logs));
        }
    }
}
