using System.Net;

namespace Astegni.Chat.Api.Tests.MessageActions;

public sealed class DeleteMessageTests : MessageActionTest
{
    [Test]
    public async Task DeleteForMe_HidesTheMessageFromMyHistoryOnly()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var kept = await me.SendIdAsync(conversationId, "kept");
        var hidden = await other.SendIdAsync(conversationId, "their message, hidden for me");

        await (await me.DeleteMessageAsync(hidden, "me")).NoContentAsync();

        var mine = await me.HistoryAsync(conversationId);
        var theirs = await other.HistoryAsync(conversationId);
        Assert.That(mine.Select(m => m!["id"]!.GetValue<int>()), Is.EqualTo(new[] { kept }));
        Assert.That(theirs.Select(m => m!["id"]!.GetValue<int>()), Is.EqualTo(new[] { hidden, kept }), "the other person still sees it");
        Assert.That(theirs[0]!["content"]!.GetValue<string>(), Is.EqualTo("their message, hidden for me"));
        Assert.That(theirs[0]!["is_deleted"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Delete_WithoutFor_DeletesForMeOnly()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "mine, hidden for me");

        await (await me.DeleteMessageAsync(messageId)).NoContentAsync();

        Assert.That(await me.SeenAsync(conversationId, messageId), Is.Null);
        var theirs = await other.SeenAsync(conversationId, messageId);
        Assert.That(theirs!["content"]!.GetValue<string>(), Is.EqualTo("mine, hidden for me"));
    }

    [Test]
    public async Task DeleteForMe_Again_IsNotFound_BecauseIcanNoLongerSeeIt()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "once");
        await (await me.DeleteMessageAsync(messageId)).NoContentAsync();

        var again = await me.DeleteMessageAsync(messageId);

        await again.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_message_deletions"), Is.EqualTo(1));
    }

    [Test]
    public async Task DeleteForEveryone_MyMessage_LeavesATombstoneForBoth_WithoutContentOrReactions()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "sent to the wrong person");
        await (await other.ReactAsync(messageId, "😮")).NoContentAsync();
        await (await me.EditAsync(messageId, "sent to the wrong person!")).JsonAsync(HttpStatusCode.OK);

        await (await me.DeleteMessageAsync(messageId, "everyone")).NoContentAsync();

        foreach (var viewer in new[] { me, other })
        {
            var seen = await viewer.SeenAsync(conversationId, messageId);
            Assert.That(seen, Is.Not.Null, "the tombstone keeps its place in history");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(seen!["is_deleted"]!.GetValue<bool>(), Is.True);
                Assert.That(seen["content"], Is.Null);
                Assert.That(seen["reactions"]!.AsArray(), Is.Empty);
                Assert.That(seen["sender_user_id"]!.GetValue<int>(), Is.EqualTo(me.Id));
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Db.ScalarAsync<bool>("SELECT content IS NULL AND original_content IS NULL AND deleted_for_everyone FROM chat_messages WHERE id = $1", messageId), Is.True);
            Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM message_reactions"), Is.Zero);
        }
    }

    [Test]
    public async Task DeleteForEveryone_OfAMessageSomeoneRepliedTo_ShowsTheReplyWithoutAPreview()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "regrettable");
        var reply = (await (await other.ReplyAsync(conversationId, messageId, "what?")).JsonAsync(HttpStatusCode.Created))["message"]!;

        await (await me.DeleteMessageAsync(messageId, "everyone")).NoContentAsync();

        var seen = await other.SeenAsync(conversationId, reply["id"]!.GetValue<int>());
        Assert.That(seen!["reply_to"]!["id"]!.GetValue<int>(), Is.EqualTo(messageId));
        Assert.That(seen["reply_to"]!["preview"], Is.Null);
    }

    [Test]
    public async Task DeleteForEveryone_SomeoneElsesMessageInADirectChat_IsForbidden_AndChangesNothing()
    {
        var author = await UserAsync("Author");
        var other = await UserAsync("Other");
        var conversationId = await author.OpenDirectIdAsync(other.Id);
        var messageId = await author.SendIdAsync(conversationId, "stays");

        var response = await other.DeleteMessageAsync(messageId, "everyone");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "delete_not_allowed");
        Assert.That((await author.SeenAsync(conversationId, messageId))!["content"]!.GetValue<string>(), Is.EqualTo("stays"));
    }

    [Test]
    public async Task DeleteForEveryone_ByAGroupAdmin_ErasesAMembersMessage()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var groupId = await GroupAsync(admin, member);
        var messageId = await member.SendIdAsync(groupId, "off-topic");

        await (await admin.DeleteMessageAsync(messageId, "everyone")).NoContentAsync();

        var seen = await member.SeenAsync(groupId, messageId);
        Assert.That(seen!["is_deleted"]!.GetValue<bool>(), Is.True);
        Assert.That(seen["content"], Is.Null);
    }

    [Test]
    public async Task DeleteForEveryone_ByAPlainGroupMember_OfAnothersMessage_IsForbidden()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var another = await UserAsync("Another");
        var groupId = await GroupAsync(admin, member, another);
        var messageId = await another.SendIdAsync(groupId, "mine");
        var adminsMessage = await admin.SendIdAsync(groupId, "the admin's");

        var response = await member.DeleteMessageAsync(messageId, "everyone");
        var onAdmin = await member.DeleteMessageAsync(adminsMessage, "everyone");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "delete_not_allowed");
        await onAdmin.ProblemAsync(HttpStatusCode.Forbidden, "delete_not_allowed");
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_messages WHERE is_deleted"), Is.Zero);
    }

    [Test]
    public async Task DeleteForEveryone_ByAGroupMember_OfTheirOwnMessage_IsAccepted()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var groupId = await GroupAsync(admin, member);
        var messageId = await member.SendIdAsync(groupId, "typo");

        await (await member.DeleteMessageAsync(messageId, "everyone")).NoContentAsync();

        Assert.That((await admin.SeenAsync(groupId, messageId))!["is_deleted"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Delete_InAConversationIAmNotIn_IsNotFound_ForBothScopes_AndChangesNothing()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var outsider = await UserAsync("Outsider");
        var conversationId = await a.OpenDirectIdAsync(b.Id);
        var messageId = await a.SendIdAsync(conversationId, "private");

        var forMe = await outsider.DeleteMessageAsync(messageId, "me");
        var forEveryone = await outsider.DeleteMessageAsync(messageId, "everyone");

        await forMe.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        await forEveryone.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_message_deletions"), Is.Zero);
        Assert.That(await Db.ScalarAsync<bool>("SELECT is_deleted FROM chat_messages WHERE id = $1", messageId), Is.False);
    }

    [Test]
    public async Task Delete_AGroupMessageFromBeforeIJoined_IsNotFound()
    {
        var admin = await UserAsync("Admin");
        var newcomer = await UserAsync("Newcomer");
        var groupId = await GroupAsync(admin);
        var before = await admin.SendIdAsync(groupId, "before you joined");
        await JoinAsync(groupId, newcomer, "admin");

        var response = await newcomer.DeleteMessageAsync(before, "everyone");

        await response.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
    }

    [TestCase("all")]
    [TestCase("Everyone")]
    [TestCase("")]
    public async Task Delete_WithAnUnknownFor_IsRefusedAsInvalidScope(string scope)
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "stays");

        var response = await me.Http.DeleteAsync(new Uri($"/api/chat/messages/{messageId}?for={scope}", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_delete_scope");
        Assert.That(await me.SeenAsync(conversationId, messageId), Is.Not.Null);
    }
}
