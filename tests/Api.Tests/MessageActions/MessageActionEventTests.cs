namespace Astegni.Chat.Api.Tests.MessageActions;

/// <summary>Each action reaches, over real SignalR connections, the members who can see the message and nobody else.</summary>
public sealed class MessageActionEventTests : MessageActionTest
{
    [Test]
    public async Task Edit_PushesMessageUpdated_ToBothMembers_EachFromTheirSide_ButNoOutsider()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var outsider = await UserAsync("Outsider");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "draft");
        await using var myLaptop = await ListenAsync(me);
        await using var theirPhone = await ListenAsync(other);
        await using var outsiderPhone = await ListenAsync(outsider);

        await me.EditAsync(messageId, "final");

        var theirs = (await theirPhone.NextAsync("message_updated", Patience)).GetProperty("message");
        var mine = (await myLaptop.NextAsync("message_updated", Patience)).GetProperty("message");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(theirs.GetProperty("id").GetInt32(), Is.EqualTo(messageId));
            Assert.That(theirs.GetProperty("content").GetString(), Is.EqualTo("final"));
            Assert.That(theirs.GetProperty("is_edited").GetBoolean(), Is.True);
            Assert.That(theirs.GetProperty("is_mine").GetBoolean(), Is.False);
            Assert.That(mine.GetProperty("is_mine").GetBoolean(), Is.True);
        }

        Assert.That(await outsiderPhone.StraysAsync(), Is.Empty);
    }

    [Test]
    public async Task DeleteForEveryone_PushesMessageDeleted_ToBothMembers_ButNoOutsider()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var outsider = await UserAsync("Outsider");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "oops");
        await using var myLaptop = await ListenAsync(me);
        await using var theirPhone = await ListenAsync(other);
        await using var outsiderPhone = await ListenAsync(outsider);

        await me.DeleteMessageAsync(messageId, "everyone");

        foreach (var listener in new[] { theirPhone, myLaptop })
        {
            var deleted = await listener.NextAsync("message_deleted", Patience);
            Assert.That(deleted.GetProperty("conversation_id").GetInt32(), Is.EqualTo(conversationId));
            Assert.That(deleted.GetProperty("message_id").GetInt32(), Is.EqualTo(messageId));
        }

        Assert.That(await outsiderPhone.StraysAsync(), Is.Empty);
    }

    [Test]
    public async Task DeleteForEveryone_OfAPinnedMessage_AlsoPushesConversationUpdated()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await me.SendIdAsync(conversationId, "pinned");
        await (await me.PinAsync(messageId)).NoContentAsync();
        await using var theirPhone = await ListenAsync(other);

        await me.DeleteMessageAsync(messageId, "everyone");

        var updated = await theirPhone.NextAsync("conversation_updated", Patience);
        Assert.That(updated.GetProperty("conversation_id").GetInt32(), Is.EqualTo(conversationId));
    }

    [Test]
    public async Task DeleteForMe_PushesMessageDeleted_ToMyOwnDevicesOnly()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await other.SendIdAsync(conversationId, "hide this for me");
        await using var myLaptop = await ListenAsync(me);
        await using var theirPhone = await ListenAsync(other);

        await me.DeleteMessageAsync(messageId, "me");

        var deleted = await myLaptop.NextAsync("message_deleted", Patience);
        Assert.That(deleted.GetProperty("message_id").GetInt32(), Is.EqualTo(messageId));
        Assert.That(await theirPhone.StraysAsync(), Is.Empty, "nothing changed for the other person");
    }

    [Test]
    public async Task React_PushesReactionChanged_WithTheReactionsAsTheyNowAre_ToBothMembers_ButNoOutsider()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var outsider = await UserAsync("Outsider");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await other.SendIdAsync(conversationId, "good news");
        await using var myLaptop = await ListenAsync(me);
        await using var theirPhone = await ListenAsync(other);
        await using var outsiderPhone = await ListenAsync(outsider);

        await me.ReactAsync(messageId, "🎉");

        foreach (var listener in new[] { theirPhone, myLaptop })
        {
            var changed = await listener.NextAsync("reaction_changed", Patience);
            Assert.That(changed.GetProperty("conversation_id").GetInt32(), Is.EqualTo(conversationId));
            Assert.That(changed.GetProperty("message_id").GetInt32(), Is.EqualTo(messageId));
            var reaction = changed.GetProperty("reactions")[0];
            Assert.That(reaction.GetProperty("reaction").GetString(), Is.EqualTo("🎉"));
            Assert.That(reaction.GetProperty("user_ids")[0].GetInt32(), Is.EqualTo(me.Id));
            Assert.That(reaction.GetProperty("count").GetInt32(), Is.EqualTo(1));
        }

        Assert.That(await outsiderPhone.StraysAsync(), Is.Empty);
    }

    [Test]
    public async Task RemoveReaction_PushesReactionChanged_WithoutIt()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await other.SendIdAsync(conversationId, "good news");
        await (await me.ReactAsync(messageId, "🎉")).NoContentAsync();
        await using var theirPhone = await ListenAsync(other);

        await me.RemoveReactionAsync(messageId);

        var changed = await theirPhone.NextAsync("reaction_changed", Patience);
        Assert.That(changed.GetProperty("reactions").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Pin_PushesMessageUpdatedAndConversationUpdated_ToBothMembers_ButNoOutsider()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var outsider = await UserAsync("Outsider");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var messageId = await other.SendIdAsync(conversationId, "the address");
        await using var myLaptop = await ListenAsync(me);
        await using var theirPhone = await ListenAsync(other);
        await using var outsiderPhone = await ListenAsync(outsider);

        await me.PinAsync(messageId);

        var updated = (await theirPhone.NextAsync("message_updated", Patience)).GetProperty("message");
        Assert.That(updated.GetProperty("id").GetInt32(), Is.EqualTo(messageId));
        Assert.That(updated.GetProperty("is_pinned").GetBoolean(), Is.True);
        Assert.That(updated.GetProperty("is_mine").GetBoolean(), Is.True, "the author sees their own message as theirs");
        var conversation = await theirPhone.NextAsync("conversation_updated", Patience);
        Assert.That(conversation.GetProperty("conversation_id").GetInt32(), Is.EqualTo(conversationId));
        await myLaptop.NextAsync("conversation_updated", Patience);
        Assert.That(await outsiderPhone.StraysAsync(), Is.Empty);
    }

    [Test]
    public async Task ActionsOnAGroupMessage_DoNotReachAMemberWhoJoinedAfterIt()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var newcomer = await UserAsync("Newcomer");
        var groupId = await GroupAsync(admin, member);
        var earlier = await member.SendIdAsync(groupId, "before the newcomer");
        await JoinAsync(groupId, newcomer, "member");
        await using var memberPhone = await ListenAsync(member);
        await using var newcomerPhone = await ListenAsync(newcomer);

        await member.EditAsync(earlier, "before the newcomer, edited");
        await admin.ReactAsync(earlier, "👍");

        await memberPhone.NextAsync("message_updated", Patience);
        await memberPhone.NextAsync("reaction_changed", Patience);
        Assert.That(await newcomerPhone.StraysAsync(), Is.Empty, "the newcomer cannot see that message, so hears nothing of it");
    }

    [Test]
    public async Task RefusedAction_PushesNothing()
    {
        var author = await UserAsync("Author");
        var other = await UserAsync("Other");
        var conversationId = await author.OpenDirectIdAsync(other.Id);
        var messageId = await author.SendIdAsync(conversationId, "mine");
        await using var authorPhone = await ListenAsync(author);

        await other.EditAsync(messageId, "not yours");
        await other.DeleteMessageAsync(messageId, "everyone");

        Assert.That(await authorPhone.StraysAsync(), Is.Empty);
    }
}
