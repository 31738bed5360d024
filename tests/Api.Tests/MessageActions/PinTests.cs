using System.Net;
using Astegni.Chat.Application.Messages.ListPinnedMessages;

namespace Astegni.Chat.Api.Tests.MessageActions;

public sealed class PinTests : MessageActionTest
{
    [Test]
    public async Task Pin_InADirectChat_ByEitherMember_ShowsAsPinnedForBoth_AndUnpinClearsIt()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var mine = await me.SendIdAsync(conversationId, "address: Bole, house 12");
        var theirs = await other.SendIdAsync(conversationId, "phone: 0911...");

        await (await other.PinAsync(mine)).NoContentAsync();
        await (await me.PinAsync(theirs)).NoContentAsync();

        Assert.That((await me.SeenAsync(conversationId, mine))!["is_pinned"]!.GetValue<bool>(), Is.True);
        Assert.That((await other.SeenAsync(conversationId, theirs))!["is_pinned"]!.GetValue<bool>(), Is.True);

        await (await me.UnpinAsync(mine)).NoContentAsync();

        Assert.That((await other.SeenAsync(conversationId, mine))!["is_pinned"]!.GetValue<bool>(), Is.False);
        Assert.That((await other.SeenAsync(conversationId, theirs))!["is_pinned"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Pin_InAGroup_ByAPlainMember_IsForbidden_ButAnAdminMayPinAndUnpin()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var groupId = await GroupAsync(admin, member);
        var messageId = await member.SendIdAsync(groupId, "exam on Friday");

        var byMember = await member.PinAsync(messageId);
        await byMember.ProblemAsync(HttpStatusCode.Forbidden, "pin_not_allowed");
        Assert.That((await member.SeenAsync(groupId, messageId))!["is_pinned"]!.GetValue<bool>(), Is.False);

        await (await admin.PinAsync(messageId)).NoContentAsync();
        var unpinByMember = await member.UnpinAsync(messageId);
        await unpinByMember.ProblemAsync(HttpStatusCode.Forbidden, "pin_not_allowed");
        Assert.That((await member.SeenAsync(groupId, messageId))!["is_pinned"]!.GetValue<bool>(), Is.True);

        await (await admin.UnpinAsync(messageId)).NoContentAsync();
        Assert.That((await member.SeenAsync(groupId, messageId))!["is_pinned"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Pin_AsAnOutsider_IsNotFound()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var outsider = await UserAsync("Outsider");
        var conversationId = await a.OpenDirectIdAsync(b.Id);
        var messageId = await a.SendIdAsync(conversationId, "private");

        await (await outsider.PinAsync(messageId)).ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        await (await outsider.UnpinAsync(messageId)).ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        Assert.That(await Db.ScalarAsync<bool>("SELECT is_pinned FROM chat_messages WHERE id = $1", messageId), Is.False);
    }

    [Test]
    public async Task Pin_InMyNotes_IsAllowed()
    {
        var me = await UserAsync("Me");
        var notesId = await me.OpenDirectIdAsync(me.Id);
        var messageId = await me.SendIdAsync(notesId, "buy chalk");

        await (await me.PinAsync(messageId)).NoContentAsync();

        Assert.That((await me.SeenAsync(notesId, messageId))!["is_pinned"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Pin_ATombstone_IsAConflict()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "gone");
        await (await me.DeleteMessageAsync(messageId, "everyone")).NoContentAsync();

        await (await other.PinAsync(messageId)).ProblemAsync(HttpStatusCode.Conflict, "message_deleted");
    }

    [Test]
    public async Task DeleteForEveryone_OfAPinnedMessage_UnpinsIt()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "pinned, then regretted");
        await (await other.PinAsync(messageId)).NoContentAsync();

        await (await me.DeleteMessageAsync(messageId, "everyone")).NoContentAsync();

        Assert.That((await other.SeenAsync(conversationId, messageId))!["is_pinned"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task ListPinnedMessages_InProcess_GivesTheVisiblePinnedMessages_NewestPinFirst_AndRefusesOutsiders()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var outsider = await UserAsync("Outsider");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var first = await me.SendIdAsync(conversationId, "first");
        var second = await other.SendIdAsync(conversationId, "second");
        await me.SendIdAsync(conversationId, "not pinned");
        await (await me.PinAsync(second)).NoContentAsync();
        await (await me.PinAsync(first)).NoContentAsync();
        await (await other.DeleteMessageAsync(second)).NoContentAsync();

        var mine = await AsUserAsync(me, s => s.Send(new ListPinnedMessages(conversationId)));
        var theirs = await AsUserAsync(other, s => s.Send(new ListPinnedMessages(conversationId)));
        var outsiders = await AsUserAsync(outsider, s => s.Send(new ListPinnedMessages(conversationId)));

        Assert.That(mine.Value.Messages.Select(m => m.Id), Is.EqualTo(new[] { first, second }));
        Assert.That(theirs.Value.Messages.Select(m => m.Id), Is.EqualTo(new[] { first }), "a message deleted for me is not in my pinned list");
        Assert.That(outsiders.Error?.Code, Is.EqualTo("conversation_not_found"));
    }
}
