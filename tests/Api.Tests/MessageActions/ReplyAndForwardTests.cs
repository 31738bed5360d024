using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Astegni.Chat.Application.Messages.SendSystemMessage;

namespace Astegni.Chat.Api.Tests.MessageActions;

public sealed class ReplyAndForwardTests : MessageActionTest
{
    [Test]
    public async Task Reply_ShowsAPreviewOfTheMessageItAnswers_ToBoth()
    {
        var abebe = await UserAsync("Abebe", "Kebede");
        var almaz = await UserAsync("Almaz");
        var conversationId = await abebe.OpenDirectIdAsync(almaz.Id);
        var question = await abebe.SendIdAsync(conversationId, "Can we move the lesson to Sunday?");

        var reply = (await (await almaz.ReplyAsync(conversationId, question, "Yes, Sunday works")).JsonAsync(HttpStatusCode.Created))["message"]!;

        foreach (var viewer in new[] { abebe, almaz })
        {
            var seen = await viewer.SeenAsync(conversationId, reply["id"]!.GetValue<int>());
            using (Assert.EnterMultipleScope())
            {
                Assert.That(seen!["content"]!.GetValue<string>(), Is.EqualTo("Yes, Sunday works"));
                Assert.That(seen["reply_to"]!["id"]!.GetValue<int>(), Is.EqualTo(question));
                Assert.That(seen["reply_to"]!["sender_user_id"]!.GetValue<int>(), Is.EqualTo(abebe.Id));
                Assert.That(seen["reply_to"]!["sender_name"]!.GetValue<string>(), Is.EqualTo("Abebe Kebede"));
                Assert.That(seen["reply_to"]!["preview"]!.GetValue<string>(), Is.EqualTo("Can we move the lesson to Sunday?"));
                Assert.That(seen["forwarded_from"], Is.Null);
            }
        }
    }

    [Test]
    public async Task Reply_ToAMessageOfAnotherOfMyConversations_IsNotFound_AndStoresNothing()
    {
        var me = await UserAsync("Me");
        var friend = await UserAsync("Friend");
        var colleague = await UserAsync("Colleague");
        var withFriend = await me.OpenDirectIdAsync(friend.Id);
        var withColleague = await me.OpenDirectIdAsync(colleague.Id);
        var elsewhere = await me.SendIdAsync(withColleague, "said to the colleague");

        var response = await me.ReplyAsync(withFriend, elsewhere, "quoting it to my friend");

        await response.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_messages"), Is.EqualTo(1));
    }

    [Test]
    public async Task Reply_ToAMessageOfSomeoneElsesConversation_LooksExactlyLikeAReplyToNothing()
    {
        var me = await UserAsync("Me");
        var friend = await UserAsync("Friend");
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var mine = await me.OpenDirectIdAsync(friend.Id);
        var theirs = await a.OpenDirectIdAsync(b.Id);
        var secret = await a.SendIdAsync(theirs, "a secret between A and B");

        var foreign = await me.ReplyAsync(mine, secret, "what secret?");
        var missing = await me.ReplyAsync(mine, secret + 1000, "what secret?");

        var foreignProblem = await foreign.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        var missingProblem = await missing.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        Assert.That(foreignProblem["detail"]!.GetValue<string>(), Is.EqualTo(missingProblem["detail"]!.GetValue<string>()));
        Assert.That(foreignProblem.ToJsonString(), Does.Not.Contain("secret between"));
    }

    [Test]
    public async Task Reply_ToAMessageIDeletedForMyself_IsNotFound()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var hidden = await other.SendIdAsync(conversationId, "hidden for me");
        await (await me.DeleteMessageAsync(hidden)).NoContentAsync();

        await (await me.ReplyAsync(conversationId, hidden, "re")).ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
    }

    [Test]
    public async Task Reply_ToAGroupMessageFromBeforeIJoined_IsNotFound()
    {
        var admin = await UserAsync("Admin");
        var newcomer = await UserAsync("Newcomer");
        var groupId = await GroupAsync(admin);
        var before = await admin.SendIdAsync(groupId, "before you joined");
        await JoinAsync(groupId, newcomer, "member");

        await (await newcomer.ReplyAsync(groupId, before, "re")).ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
    }

    [Test]
    public async Task Forward_CopiesTheMessage_AndShowsTheOriginalAuthor()
    {
        var author = await UserAsync("Tigist", "Haile");
        var me = await UserAsync("Me");
        var friend = await UserAsync("Friend");
        var source = await me.OpenDirectIdAsync(author.Id);
        var target = await me.OpenDirectIdAsync(friend.Id);
        var original = await author.SendIdAsync(source, "The exam covers chapters 3 to 5.");

        var forwarded = (await (await me.ForwardAsync(target, original)).JsonAsync(HttpStatusCode.Created))["message"]!;

        var seen = await friend.SeenAsync(target, forwarded["id"]!.GetValue<int>());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen!["conversation_id"]!.GetValue<int>(), Is.EqualTo(target));
            Assert.That(seen["sender_user_id"]!.GetValue<int>(), Is.EqualTo(me.Id));
            Assert.That(seen["message_type"]!.GetValue<string>(), Is.EqualTo("text"));
            Assert.That(seen["content"]!.GetValue<string>(), Is.EqualTo("The exam covers chapters 3 to 5."));
            Assert.That(seen["forwarded_from"]!["user_id"]!.GetValue<int>(), Is.EqualTo(author.Id));
            Assert.That(seen["forwarded_from"]!["name"]!.GetValue<string>(), Is.EqualTo("Tigist Haile"));
            Assert.That(seen["reply_to"], Is.Null);
        }
    }

    [Test]
    public async Task Forward_OfAForward_StillShowsTheFirstAuthor()
    {
        var author = await UserAsync("Author");
        var first = await UserAsync("First");
        var second = await UserAsync("Second");
        var original = await author.SendIdAsync(await author.OpenDirectIdAsync(first.Id), "worth sharing");
        var firstToSecond = await first.OpenDirectIdAsync(second.Id);
        var forward = (await (await first.ForwardAsync(firstToSecond, original)).JsonAsync(HttpStatusCode.Created))["message"]!["id"]!.GetValue<int>();
        var secondsNotes = await second.OpenDirectIdAsync(second.Id);

        var again = (await (await second.ForwardAsync(secondsNotes, forward)).JsonAsync(HttpStatusCode.Created))["message"]!;

        Assert.That(again["forwarded_from"]!["user_id"]!.GetValue<int>(), Is.EqualTo(author.Id));
        Assert.That(again["content"]!.GetValue<string>(), Is.EqualTo("worth sharing"));
    }

    [Test]
    public async Task Forward_WhenTheAuthorDisablesForwarding_IsForbidden_AndStoresNothing()
    {
        var author = await UserAsync("Author");
        var me = await UserAsync("Me");
        var friend = await UserAsync("Friend");
        var original = await author.SendIdAsync(await author.OpenDirectIdAsync(me.Id), "for your eyes only");
        var target = await me.OpenDirectIdAsync(friend.Id);
        await (await author.PutSettingsAsync(new JsonObject { ["disable_forwarding"] = true })).JsonAsync(HttpStatusCode.OK);

        var response = await me.ForwardAsync(target, original);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forwarding_disabled");
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_messages WHERE conversation_id = $1", target), Is.Zero);
    }

    [Test]
    public async Task Forward_OfAForward_WhenTheFirstAuthorDisablesForwarding_IsForbidden()
    {
        var author = await UserAsync("Author");
        var first = await UserAsync("First");
        var second = await UserAsync("Second");
        var original = await author.SendIdAsync(await author.OpenDirectIdAsync(first.Id), "passed on");
        var firstToSecond = await first.OpenDirectIdAsync(second.Id);
        var forward = (await (await first.ForwardAsync(firstToSecond, original)).JsonAsync(HttpStatusCode.Created))["message"]!["id"]!.GetValue<int>();
        await (await author.PutSettingsAsync(new JsonObject { ["disable_forwarding"] = true })).JsonAsync(HttpStatusCode.OK);

        var response = await second.ForwardAsync(await second.OpenDirectIdAsync(second.Id), forward);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forwarding_disabled");
    }

    [Test]
    public async Task Forward_OfMyOwnMessage_IsAllowedDespiteMyOwnSetting()
    {
        var me = await UserAsync("Me");
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var original = await me.SendIdAsync(await me.OpenDirectIdAsync(a.Id), "announcement");
        await (await me.PutSettingsAsync(new JsonObject { ["disable_forwarding"] = true })).JsonAsync(HttpStatusCode.OK);

        var response = await me.ForwardAsync(await me.OpenDirectIdAsync(b.Id), original);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Forward_OfAMessageICannotSee_IsNotFound_LikeOneThatDoesNotExist()
    {
        var me = await UserAsync("Me");
        var friend = await UserAsync("Friend");
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var secret = await a.SendIdAsync(await a.OpenDirectIdAsync(b.Id), "a secret between A and B");
        var target = await me.OpenDirectIdAsync(friend.Id);

        var foreign = await me.ForwardAsync(target, secret);
        var missing = await me.ForwardAsync(target, secret + 1000);

        var foreignProblem = await foreign.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        var missingProblem = await missing.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        Assert.That(foreignProblem["detail"]!.GetValue<string>(), Is.EqualTo(missingProblem["detail"]!.GetValue<string>()));
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_messages WHERE conversation_id = $1", target), Is.Zero);
    }

    [Test]
    public async Task Forward_OfAMessageIDeletedForMyself_IsNotFound()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var hidden = await other.SendIdAsync(conversationId, "hidden for me");
        await (await me.DeleteMessageAsync(hidden)).NoContentAsync();

        await (await me.ForwardAsync(await me.OpenDirectIdAsync(me.Id), hidden)).ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
    }

    [Test]
    public async Task Forward_OfATombstone_IsRefusedAsNotForwardable()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var gone = await other.SendIdAsync(conversationId, "gone");
        await (await other.DeleteMessageAsync(gone, "everyone")).NoContentAsync();

        await (await me.ForwardAsync(await me.OpenDirectIdAsync(me.Id), gone)).ProblemAsync(HttpStatusCode.Forbidden, "message_not_forwardable");
    }

    [Test]
    public async Task Forward_OfASystemNotice_IsRefusedAsNotForwardable()
    {
        var tutor = await UserAsync("Tutor");
        var student = await UserAsync("Student");
        var conversationId = await tutor.OpenDirectIdAsync(student.Id);
        var notice = await AsUserAsync(tutor, s => s.Send(new SendSystemMessage(conversationId, "Session confirmed")));

        var response = await student.ForwardAsync(await student.OpenDirectIdAsync(student.Id), notice.Value.Id);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "message_not_forwardable");
    }

    [Test]
    public async Task Forward_IntoAConversationIAmNotIn_IsNotFound()
    {
        var me = await UserAsync("Me");
        var friend = await UserAsync("Friend");
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var mine = await me.SendIdAsync(await me.OpenDirectIdAsync(friend.Id), "mine");
        var theirs = await a.OpenDirectIdAsync(b.Id);

        await (await me.ForwardAsync(theirs, mine)).ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [Test]
    public async Task Forward_ToSomeoneWhoBlockedMe_IsRefusedAsUnavailable()
    {
        var me = await UserAsync("Me");
        var friend = await UserAsync("Friend");
        var blocker = await UserAsync("Blocker");
        var mine = await me.SendIdAsync(await me.OpenDirectIdAsync(friend.Id), "mine");
        var target = await me.OpenDirectIdAsync(blocker.Id);
        await blocker.BlockAsync(me.Id);

        await (await me.ForwardAsync(target, mine)).ProblemAsync(HttpStatusCode.Forbidden, "recipient_unavailable");
    }

    [Test]
    public async Task Forward_WithContent_IsRefused()
    {
        var me = await UserAsync("Me");
        var notes = await me.OpenDirectIdAsync(me.Id);
        var mine = await me.SendIdAsync(notes, "mine");

        var response = await me.Http.PostAsJsonAsync("/api/chat/messages", new JsonObject
        {
            ["conversation_id"] = notes,
            ["forward_of_message_id"] = mine,
            ["content"] = "something else",
        });

        await response.ProblemAsync(HttpStatusCode.BadRequest, "forward_takes_no_content");
    }

    [Test]
    public async Task SendingBothAReplyAndAForward_IsRefused()
    {
        var me = await UserAsync("Me");
        var notes = await me.OpenDirectIdAsync(me.Id);
        var mine = await me.SendIdAsync(notes, "mine");

        var response = await me.Http.PostAsJsonAsync("/api/chat/messages", new JsonObject
        {
            ["conversation_id"] = notes,
            ["forward_of_message_id"] = mine,
            ["reply_to_id"] = mine,
        });

        await response.ProblemAsync(HttpStatusCode.BadRequest, "cannot_reply_and_forward");
    }

    [TestCase("reply_to_id", "invalid_reply_to_id")]
    [TestCase("forward_of_message_id", "invalid_forward_of_message_id")]
    public async Task Send_WithANonPositiveOriginId_IsRefused(string field, string code)
    {
        var me = await UserAsync("Me");
        var notes = await me.OpenDirectIdAsync(me.Id);

        var response = await me.Http.PostAsJsonAsync("/api/chat/messages", new JsonObject
        {
            ["conversation_id"] = notes,
            ["message_type"] = "text",
            ["content"] = field == "reply_to_id" ? "re" : null,
            [field] = 0,
        });

        await response.ProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Test]
    public async Task Send_WithAnOriginIdThatIsNotANumber_IsMalformed()
    {
        var me = await UserAsync("Me");

        var response = await me.Http.PostAsJsonAsync("/api/chat/messages", new JsonObject
        {
            ["conversation_id"] = 1,
            ["content"] = "re",
            ["reply_to_id"] = "first",
        });

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }
}
