using System.Net;
using System.Text.Json.Nodes;
using Astegni.Chat.Application.Conversations.OpenDirectConversation;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Api.Tests.Conversations;

public sealed class OpenDirectConversationTests : ApiTest
{
    [Test]
    public async Task Open_CreatesOnce_ThenReturnsTheSameConversation()
    {
        var abebe = await UserAsync("Abebe", "Tadesse");
        var almaz = await UserAsync("Almaz", "Bekele");

        var first = await (await abebe.OpenDirectAsync(almaz.Id)).JsonAsync(HttpStatusCode.Created);
        var again = await (await abebe.OpenDirectAsync(almaz.Id)).JsonAsync(HttpStatusCode.OK);
        var fromOtherSide = await (await almaz.OpenDirectAsync(abebe.Id)).JsonAsync(HttpStatusCode.OK);

        var id = first["conversation"]!["id"]!.GetValue<int>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again["conversation"]!["id"]!.GetValue<int>(), Is.EqualTo(id));
            Assert.That(fromOtherSide["conversation"]!["id"]!.GetValue<int>(), Is.EqualTo(id));
            Assert.That(first["conversation"]!["name"]!.GetValue<string>(), Is.EqualTo("Almaz Bekele"), "named after the other person");
            Assert.That(fromOtherSide["conversation"]!["name"]!.GetValue<string>(), Is.EqualTo("Abebe Tadesse"));
            Assert.That(first["conversation"]!["other_user_id"]!.GetValue<int>(), Is.EqualTo(almaz.Id));
            Assert.That(first["conversation"]!["type"]!.GetValue<string>(), Is.EqualTo("direct"));
        }
    }

    [Test]
    public async Task OpenWithMyself_GivesMyNotesConversation()
    {
        var me = await UserAsync("Me");

        var body = await (await me.OpenDirectAsync(me.Id)).JsonAsync(HttpStatusCode.Created);

        Assert.That(body["conversation"]!["type"]!.GetValue<string>(), Is.EqualTo("notes"));
        Assert.That(body["conversation"]!["participant_count"]!.GetValue<int>(), Is.EqualTo(1));
        await me.SendOkAsync(body["conversation"]!["id"]!.GetValue<int>(), "Remember to prepare the algebra worksheet");
    }

    [Test]
    public async Task OpenWithUnknownUser_IsNotFound()
    {
        var me = await UserAsync("Me");

        var response = await me.OpenDirectAsync(987654);

        await response.ProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Test]
    public async Task OpenWithSomeoneWhoBlockedMe_SaysOnlyUnavailable()
    {
        var me = await UserAsync("Me");
        var blocker = await UserAsync("Blocker");
        await blocker.BlockAsync(me.Id);

        var mine = await me.OpenDirectAsync(blocker.Id);
        var theirs = await blocker.OpenDirectAsync(me.Id);

        await mine.ProblemAsync(HttpStatusCode.Forbidden, "recipient_unavailable");
        await theirs.ProblemAsync(HttpStatusCode.Forbidden, "you_blocked_recipient");
    }

    [Test]
    public async Task OpenWithConnectionsOnlyUser_NeedsAnAcceptedConnection()
    {
        var tutor = await UserAsync("Tutor");
        var stranger = await UserAsync("Stranger");
        var student = await UserAsync("Student");
        await Db.ConnectAsync(student.Id, tutor.Id);
        await Db.ConnectAsync(stranger.Id, tutor.Id, "pending");
        await tutor.PutSettingsAsync(new JsonObject { ["who_can_message"] = "connections" });

        var fromStranger = await stranger.OpenDirectAsync(tutor.Id);
        var fromStudent = await student.OpenDirectAsync(tutor.Id);

        await fromStranger.ProblemAsync(HttpStatusCode.Forbidden, "recipient_accepts_connections_only");
        Assert.That(fromStudent.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task UnknownConversationTypes_AreRefusedClearly()
    {
        var me = await UserAsync("Me");

        var response = await me.Http.PostAsync(
            new Uri("/api/chat/conversations", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new JsonObject { ["type"] = "channel", ["name"] = "Grade 9", ["participant_user_ids"] = new JsonArray() }));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_conversation_type");
    }

    [Test]
    public async Task TwentyConcurrentOpens_OfTheSamePair_MakeExactlyOneConversation()
    {
        var a = await Db.AddUserAsync("Concurrent", "A");
        var b = await Db.AddUserAsync("Concurrent", "B");

        // In-process, as another Astegni module would: the mediator, one scope per request.
        var opens = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var (caller, other) = i % 2 == 0 ? (a, b) : (b, a);
            var sender = ScopedAs(scope.ServiceProvider, caller);
            var result = await sender.Send(new OpenDirectConversation(other));
            Assert.That(result.IsSuccess, Is.True, () => result.Error!.Code);
            return result.Value;
        }));
        var results = await Task.WhenAll(opens);

        Assert.That(results.Select(r => r.Conversation.Id).Distinct().Count(), Is.EqualTo(1));
        Assert.That(results.Count(r => r.Created), Is.EqualTo(1));
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM conversations"), Is.EqualTo(1));
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM conversation_participants"), Is.EqualTo(2));
    }

    private static ISender ScopedAs(IServiceProvider scope, int userId)
    {
        scope.GetRequiredService<CurrentUser>().Set(new UserId(userId));
        return scope.GetRequiredService<ISender>();
    }
}
