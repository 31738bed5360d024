using System.Net;
using Astegni.Chat.Application.Messages.SendSystemMessage;

namespace Astegni.Chat.Api.Tests.MessageActions;

public sealed class EditMessageTests : MessageActionTest
{
    [Test]
    public async Task Edit_MyMessage_AnswersWithIt_AndBothSeeTheNewTextMarkedEdited()
    {
        var abebe = await UserAsync("Abebe");
        var almaz = await UserAsync("Almaz");
        var conversationId = await abebe.OpenDirectIdAsync(almaz.Id);
        var messageId = await abebe.SendIdAsync(conversationId, "See you at 4pm");

        var answer = await (await abebe.EditAsync(messageId, "See you at 5pm")).JsonAsync(HttpStatusCode.OK);

        var mine = await abebe.SeenAsync(conversationId, messageId);
        var theirs = await almaz.SeenAsync(conversationId, messageId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer["message"]!["content"]!.GetValue<string>(), Is.EqualTo("See you at 5pm"));
            Assert.That(answer["message"]!["is_edited"]!.GetValue<bool>(), Is.True);
            Assert.That(answer["message"]!["edited_at"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(mine!["content"]!.GetValue<string>(), Is.EqualTo("See you at 5pm"));
            Assert.That(theirs!["content"]!.GetValue<string>(), Is.EqualTo("See you at 5pm"));
            Assert.That(theirs["is_edited"]!.GetValue<bool>(), Is.True);
            Assert.That(theirs["is_mine"]!.GetValue<bool>(), Is.False);
        }

        Assert.That(
            await Db.ScalarAsync<string>("SELECT original_content FROM chat_messages WHERE id = $1", messageId),
            Is.EqualTo("See you at 4pm"),
            "the previous text is kept");
    }

    [Test]
    public async Task Edit_SomeoneElsesMessage_IsForbidden_AndChangesNothing()
    {
        var author = await UserAsync("Author");
        var other = await UserAsync("Other");
        var conversationId = await author.OpenDirectIdAsync(other.Id);
        var messageId = await author.SendIdAsync(conversationId, "my words");

        var response = await other.EditAsync(messageId, "your words now");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "not_message_author");
        var seen = await author.SeenAsync(conversationId, messageId);
        Assert.That(seen!["content"]!.GetValue<string>(), Is.EqualTo("my words"));
        Assert.That(seen["is_edited"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Edit_AMessageOfAConversationIAmNotIn_IsNotFound_LikeAMessageThatDoesNotExist()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var outsider = await UserAsync("Outsider");
        var conversationId = await a.OpenDirectIdAsync(b.Id);
        var messageId = await a.SendIdAsync(conversationId, "private");

        var foreign = await outsider.EditAsync(messageId, "hacked");
        var missing = await outsider.EditAsync(messageId + 1000, "hacked");

        var foreignProblem = await foreign.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        var missingProblem = await missing.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        Assert.That(foreignProblem["detail"]!.GetValue<string>(), Is.EqualTo(missingProblem["detail"]!.GetValue<string>()));
        Assert.That(await Db.ScalarAsync<string>("SELECT content FROM chat_messages WHERE id = $1", messageId), Is.EqualTo("private"));
    }

    [Test]
    public async Task Edit_AMessageIDeletedForMyself_IsNotFound()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "gone for me");
        await (await me.DeleteMessageAsync(messageId)).NoContentAsync();

        var response = await me.EditAsync(messageId, "back?");

        await response.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
    }

    [Test]
    public async Task Edit_AMessageDeletedForEveryone_IsAConflict()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "oops");
        await (await me.DeleteMessageAsync(messageId, "everyone")).NoContentAsync();

        var response = await me.EditAsync(messageId, "restored");

        await response.ProblemAsync(HttpStatusCode.Conflict, "message_deleted");
    }

    [Test]
    public async Task Edit_ASystemNotice_IsRefusedAsNotEditable()
    {
        var tutor = await UserAsync("Tutor");
        var student = await UserAsync("Student");
        var conversationId = await tutor.OpenDirectIdAsync(student.Id);
        var notice = await AsUserAsync(tutor, s => s.Send(new SendSystemMessage(conversationId, "Session confirmed for Saturday")));

        var response = await tutor.EditAsync(notice.Value.Id, "Session cancelled");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "message_not_editable");
    }

    [Test]
    public async Task Edit_WhenTheOtherPersonBlockedMe_IsRefusedAsUnavailable()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "before the block");
        await other.BlockAsync(me.Id);

        var response = await me.EditAsync(messageId, "after the block");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "recipient_unavailable");
        Assert.That(await Db.ScalarAsync<string>("SELECT content FROM chat_messages WHERE id = $1", messageId), Is.EqualTo("before the block"));
    }

    [TestCase("", "message_empty")]
    [TestCase("   ", "message_empty")]
    public async Task Edit_ToNothing_IsRefused(string content, string code)
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "something");

        var response = await me.EditAsync(messageId, content);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.That(problem["errors"]!["content"], Is.Not.Null);
    }

    [Test]
    public async Task Edit_ToMoreThanTenThousandCharacters_IsRefused()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "short");

        var response = await me.EditAsync(messageId, new string('a', 10_001));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "message_too_long");
    }

    [Test]
    public async Task Edit_WithoutABody_IsMalformed()
    {
        var me = await UserAsync("Me");

        var response = await me.Http.PutAsync(
            new Uri("/api/chat/messages/1", UriKind.Relative), new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Test]
    public async Task Edit_MessageIdZero_IsRefusedAsInvalid()
    {
        var me = await UserAsync("Me");

        var response = await me.EditAsync(0, "text");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_message_id");
    }
}
