using System.Net;
using System.Net.Http.Json;
using Astegni.Chat.Api.Tests.RealtimeData;
using Astegni.Chat.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Astegni.Chat.Api.Tests.Http;

/// <summary>Issue 8, defect 5: during a database outage each request adds one warning line, not several stack traces.</summary>
[NonParallelizable]
public sealed class OutageLogTests
{
    private const int Requests = 12;

    [Test]
    public async Task Each_request_during_an_outage_adds_at_most_one_warning_and_no_error()
    {
        var logs = new RecordingLoggerProvider();
        await using var factory = StartOverAnUnreachableDatabase(logs);
        using var client = new HttpClient { BaseAddress = factory.ServerAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", ChatApiFactory.TokenFor(1));

        var statuses = new List<HttpStatusCode>();
        for (var round = 0; round < Requests / 3; round++)
        {
            using var listed = await client.GetAsync(new Uri("/api/chat/conversations", UriKind.Relative));
            using var sent = await client.PostAsJsonAsync(new Uri("/api/chat/messages", UriKind.Relative),
                new { conversation_id = 1, message_type = "text", content = "hello" });
            using var edited = await client.PutAsJsonAsync(new Uri("/api/chat/messages/1", UriKind.Relative), new { content = "abc" });
            statuses.AddRange([listed.StatusCode, sent.StatusCode, edited.StatusCode]);
        }

        await using (var phone = await HubListener.ConnectAsync(factory.ServerAddress, 1))
        {
            Assert.ThrowsAsync<HubException>(() => phone.TypingAsync(1, true));
        }

        await factory.DisposeAsync();
        var warnings = logs.AtLeast(LogLevel.Warning).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.ServiceUnavailable));
            var requestLines = logs.Entries.Where(entry => entry.Category == "Astegni.Chat.Requests").Select(entry => entry.Message).ToList();
            Assert.That(requestLines, Has.Some.StartsWith("PUT /api/chat/messages/{"), "the request log names the route of a 503");
            Assert.That(requestLines, Has.None.Contains("(no route)"));
            Assert.That(warnings.Where(entry => entry.Level >= LogLevel.Error), Is.Empty, Describe(warnings));
            Assert.That(warnings.Where(entry => entry.HasException), Is.Empty, "no stack traces: " + Describe(warnings));
            // One for each request, the hub call and the disconnect (the connect retries presence quietly)...
            Assert.That(warnings.Where(entry => !IsRecurringJob(entry)).ToList(), Has.Count.LessThanOrEqualTo(Requests + 2), Describe(warnings));
            // ...and one for each recurring job, however often it polls.
            Assert.That(warnings.Where(IsRecurringJob).GroupBy(entry => entry.Category).Select(job => job.Count()), Is.All.EqualTo(1), Describe(warnings));
        });
    }

    private static bool IsRecurringJob(LogEntry entry) =>
        entry.Category.EndsWith("MissedCallCheck", StringComparison.Ordinal)
        || entry.Category.EndsWith("OutboxDispatcher", StringComparison.Ordinal)
        || entry.Category.EndsWith("UnusedUploadExpiry", StringComparison.Ordinal)
        || entry.Category.EndsWith("LegacyWriteListener", StringComparison.Ordinal);

    private static string Describe(IEnumerable<LogEntry> entries) =>
        string.Join("\n", entries.Take(8).Select(entry => $"{entry.Level} {entry.Category}: {entry.Message.Split('\n')[0]}"));

    private static LoggedFactory StartOverAnUnreachableDatabase(RecordingLoggerProvider logs)
    {
        var previous = Environment.GetEnvironmentVariable("ConnectionStrings__Chat");
        var dead = new NpgsqlConnectionStringBuilder(previous) { Port = LocalProcesses.FreePort(), Timeout = 2 };
        Environment.SetEnvironmentVariable("ConnectionStrings__Chat", dead.ConnectionString);
        try
        {
            var factory = new LoggedFactory(logs, "Production");
            _ = factory.ServerAddress;
            return factory;
        }
        finally
        {
            // The assembly's other services read the environment when they start.
            Environment.SetEnvironmentVariable("ConnectionStrings__Chat", previous);
        }
    }
}
