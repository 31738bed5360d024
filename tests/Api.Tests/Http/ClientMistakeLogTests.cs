using System.Net;
using System.Text;
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
}
