using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Astegni.Chat.Api.Tests.RealtimeData;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Api.Tests.Conversations;

/// <summary>A conversation id the legacy upgrade merged into another keeps working for its members.</summary>
public sealed class MergedConversationIdTests : ApiTest
{
    private const int OldId = 424_242;

    [Test]
    public async Task OldId_OpensTheSurvivingConversation_ItsHistory_AndTakesNewMessages()
    {
        var abebe = await UserAsync("Abebe");
        var almaz = await UserAsync("Almaz");
        var survivor = await abebe.OpenDirectIdAsync(almaz.Id);
        await abebe.SendOkAsync(survivor, "from before the upgrade");
        await Db.ExecuteAsync("INSERT INTO chat_conversation_aliases (alias_id, conversation_id) VALUES ($1, $2)", OldId, survivor);

        var details = await almaz.GetJsonAsync($"/api/chat/conversations/{OldId}");
        var history = await almaz.GetJsonAsync($"/api/chat/messages/{OldId}");
        var sent = await almaz.SendOkAsync(OldId, "sent to the old id");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(details["conversation"]!["id"]!.GetValue<int>(), Is.EqualTo(survivor));
            Assert.That(history["messages"]![0]!["content"]!.GetValue<string>(), Is.EqualTo("from before the upgrade"));
            Assert.That(sent["conversation_id"]!.GetValue<int>(), Is.EqualTo(survivor));
        }
    }

    [Test]
    public async Task OldId_OfSomeoneElsesConversation_StaysNotFound()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var stranger = await UserAsync("Stranger");
        var survivor = await a.OpenDirectIdAsync(b.Id);
        await Db.ExecuteAsync("INSERT INTO chat_conversation_aliases (alias_id, conversation_id) VALUES ($1, $2)", OldId, survivor);

        var response = await stranger.Http.GetAsync(new Uri($"/api/chat/conversations/{OldId}", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    // Bodies the conversation routes take; the others take none (or an empty object).
    private static string BodyFor(string route, int messageId, int thirdUserId) => route switch
    {
        _ when route.EndsWith("/mute", StringComparison.Ordinal) => "{\"muted\":true}",
        _ when route.EndsWith("/archive", StringComparison.Ordinal) => "{\"archived\":true}",
        _ when route.EndsWith("/pin", StringComparison.Ordinal) => "{\"pinned\":true}",
        _ when route.EndsWith("/read", StringComparison.Ordinal) => $"{{\"message_id\":{messageId}}}",
        _ when route.EndsWith("/role", StringComparison.Ordinal) => "{\"role\":\"admin\"}",
        _ when route.EndsWith("/participants", StringComparison.Ordinal) => $"{{\"participant_user_ids\":[{thirdUserId}]}}",
        _ => "{\"name\":\"Renamed\"}",
    };

    /// <summary>
    /// Every route that takes a conversation id in its path (read from the service's endpoints, so a new
    /// route is covered as it is added) answers an old id exactly as it answers the surviving one.
    /// </summary>
    [Test]
    public async Task EveryConversationRoute_AnswersTheOldId_AsItAnswersTheSurvivingId()
    {
        var routes = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Any(p => p.Name == "conversationId"))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Pattern: e.RoutePattern)))
            // The destructive ones last: each request runs twice, once per id, on the same conversation.
            .OrderBy(r => r.Method == "DELETE")
            .ToList();
        Assert.That(routes, Has.Count.GreaterThanOrEqualTo(13));

        var abebe = await UserAsync("Abebe");
        var almaz = await UserAsync("Almaz");
        var third = await UserAsync("Third");
        var survivor = await abebe.OpenDirectIdAsync(almaz.Id);
        var messageId = await abebe.SendIdAsync(survivor, "from before the upgrade");
        await Db.ExecuteAsync("INSERT INTO chat_conversation_aliases (alias_id, conversation_id) VALUES ($1, $2)", OldId, survivor);

        var differences = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            var answers = new List<string>();
            foreach (var id in (int[])[OldId, survivor])
            {
                var path = PathOf(pattern, id, almaz.Id);
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent(BodyFor(pattern.RawText!, messageId, third.Id), System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await abebe.Http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var code = (int)response.StatusCode >= 400 ? JsonNode.Parse(text)?["code"]?.GetValue<string>() : null;
                answers.Add($"{(int)response.StatusCode} {code}");
            }

            if (answers[0] != answers[1] || answers[0].StartsWith("404", StringComparison.Ordinal))
            {
                differences.Add($"{method} {pattern.RawText}: old id {answers[0]}, surviving id {answers[1]}");
            }
        }

        Assert.That(differences, Is.Empty, string.Join("\n", differences));
    }

    [Test]
    public async Task OldId_InABodyOrQuery_AndOverTheHub_MeansTheSurvivingConversation()
    {
        var abebe = await UserAsync("Abebe");
        var almaz = await UserAsync("Almaz");
        var survivor = await abebe.OpenDirectIdAsync(almaz.Id);
        await abebe.SendOkAsync(survivor, "lesson plan");
        await Db.ExecuteAsync("INSERT INTO chat_conversation_aliases (alias_id, conversation_id) VALUES ($1, $2)", OldId, survivor);
        await using var almazPhone = await HubListener.ConnectAsync(almaz.Id, "typing");
        await using var abebePhone = await HubListener.ConnectAsync(abebe.Id);

        var retried = await abebe.Http.PostAsJsonAsync("/api/chat/messages", new JsonObject
        {
            ["conversation_id"] = survivor, ["message_type"] = "text", ["content"] = "once", ["client_message_id"] = "c-merged",
        });
        var retriedViaOldId = await abebe.Http.PostAsJsonAsync("/api/chat/messages", new JsonObject
        {
            ["conversation_id"] = OldId, ["message_type"] = "text", ["content"] = "once", ["client_message_id"] = "c-merged",
        });
        var found = await abebe.GetJsonAsync($"/api/chat/messages/search?q=lesson&conversation_id={OldId}");
        var call = await (await abebe.StartCallAsync(OldId)).JsonAsync(HttpStatusCode.Created);
        var calls = await abebe.CallIdsAsync($"?conversation_id={OldId}");
        await abebePhone.TypingAsync(OldId, true);
        var typing = await almazPhone.NextAsync("typing");
        await abebePhone.TypingAsync(OldId, false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retriedViaOldId.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a retry by the old id is the same message");
            Assert.That(found["messages"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(call["call"]!["conversation_id"]!.GetValue<int>(), Is.EqualTo(survivor));
            Assert.That(calls, Has.Length.EqualTo(1));
            Assert.That(typing.Int("conversation_id"), Is.EqualTo(survivor));
        }
    }

    private static string PathOf(RoutePattern pattern, int conversationId, int userId) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart { Name: "conversationId" } => conversationId.ToString(CultureInfo.InvariantCulture),
            RoutePatternParameterPart => userId.ToString(CultureInfo.InvariantCulture),
            _ => string.Empty,
        }))));
}
