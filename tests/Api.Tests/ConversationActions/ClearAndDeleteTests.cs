namespace Astegni.Chat.Api.Tests.ConversationActions;

/// <summary>Clearing history and deleting a conversation hide things from me only.</summary>
public sealed class ClearAndDeleteTests : ApiTest
{
    [Test]
    public async Task ClearHistory_EmptiesMyHistoryPreviewAndUnreadCount_ButNotTheOtherPersons()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var mine = await me.SendIdAsync(conversationId, "from me");
        var theirs = await other.SendIdAsync(conversationId, "from them");

        await me.ClearHistoryAsync(conversationId).NoContentAsync();

        var myView = await me.ConversationInListAsync(conversationId);
        var theirView = await other.ConversationInListAsync(conversationId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await me.HistoryIdsAsync(conversationId), Is.Empty);
            Assert.That(myView, Is.Not.Null, "a cleared conversation stays in my list");
            Assert.That(myView!["last_message"], Is.Null);
            Assert.That(myView["unread_count"]!.GetValue<int>(), Is.Zero);
            Assert.That(await other.HistoryIdsAsync(conversationId), Is.EqualTo(new[] { theirs, mine }));
            Assert.That(theirView!["last_message"]!["id"]!.GetValue<int>(), Is.EqualTo(theirs));
        }
    }

    [Test]
    public async Task ClearHistory_MessagesAfterwardsShowAndCountAsUnread()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await other.SendOkAsync(conversationId, "before");
        await me.ClearHistoryAsync(conversationId).NoContentAsync();

        var after = await other.SendIdAsync(conversationId, "after");

        var myView = await me.ConversationInListAsync(conversationId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await me.HistoryIdsAsync(conversationId), Is.EqualTo(new[] { after }));
            Assert.That(myView!["last_message"]!["id"]!.GetValue<int>(), Is.EqualTo(after));
            Assert.That(myView["unread_count"]!.GetValue<int>(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Delete_TakesTheConversationOffMyList_ButNotTheOtherPersons()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var message = await other.SendIdAsync(conversationId, "hello");

        await me.DeleteConversationAsync(conversationId).NoContentAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await me.ConversationsAsync()).Ids(), Is.Empty);
            Assert.That((await me.ConversationsAsync("archived=true")).Ids(), Is.Empty);
            Assert.That(await me.HistoryIdsAsync(conversationId), Is.Empty);
            Assert.That((await other.ConversationsAsync()).Ids(), Is.EqualTo(new[] { conversationId }));
            Assert.That(await other.HistoryIdsAsync(conversationId), Is.EqualTo(new[] { message }));
        }
    }

    [Test]
    public async Task Delete_ANewMessageBringsTheConversationBack_WithOnlyTheNewMessage()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await other.SendOkAsync(conversationId, "old");
        await me.DeleteConversationAsync(conversationId).NoContentAsync();

        var fresh = await other.SendIdAsync(conversationId, "are you there?");

        var myView = await me.ConversationInListAsync(conversationId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(myView, Is.Not.Null);
            Assert.That(myView!["last_message"]!["id"]!.GetValue<int>(), Is.EqualTo(fresh));
            Assert.That(myView["unread_count"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(await me.HistoryIdsAsync(conversationId), Is.EqualTo(new[] { fresh }));
        }
    }

    [Test]
    public async Task Delete_AConversationWithNoMessages_StaysOffMyList_WhenOpenedAgain()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await me.DeleteConversationAsync(conversationId).NoContentAsync();

        var reopened = await me.OpenDirectIdAsync(other.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reopened, Is.EqualTo(conversationId), "still the one direct chat");
            Assert.That((await me.ConversationsAsync()).Ids(), Is.Empty, "back only once a message arrives");
        }
    }

    [Test]
    public async Task Delete_APinnedArchivedConversation_ComesBackUnpinnedInTheMainList()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await me.PinAsync(conversationId, pinned: true).NoContentAsync();
        await me.ArchiveAsync(conversationId, archived: true).NoContentAsync();
        await me.DeleteConversationAsync(conversationId).NoContentAsync();

        await other.SendOkAsync(conversationId, "new start");

        var myView = await me.ConversationInListAsync(conversationId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(myView, Is.Not.Null);
            Assert.That(myView!["is_pinned"]!.GetValue<bool>(), Is.False);
            Assert.That(myView["is_archived"]!.GetValue<bool>(), Is.False);
        }
    }

    [Test]
    public async Task UnreadCount_IgnoresMessagesDeletedForMe_ButTheOtherPersonsCountIsUnchanged()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var first = await other.SendIdAsync(conversationId, "one");
        var second = await other.SendIdAsync(conversationId, "two");
        await Db.DeleteForMeAsync(first, me.Id);
        var myUnread = (await me.ConversationInListAsync(conversationId))!["unread_count"]!.GetValue<int>();
        await me.SendOkAsync(conversationId, "mine");
        var myLast = await me.SendIdAsync(conversationId, "mine again");
        await Db.DeleteForMeAsync(myLast, other.Id);

        var myView = await me.ConversationInListAsync(conversationId);
        var theirView = await other.ConversationInListAsync(conversationId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(myUnread, Is.EqualTo(1), "only 'two' is left unread for me");
            Assert.That(theirView!["unread_count"]!.GetValue<int>(), Is.EqualTo(1), "'mine' is left; 'mine again' was deleted for them");
            Assert.That(myView!["last_message"]!["id"]!.GetValue<int>(), Is.EqualTo(myLast));
            Assert.That(theirView["last_message"]!["id"]!.GetValue<int>(), Is.Not.EqualTo(myLast));
            Assert.That(await me.HistoryIdsAsync(conversationId), Does.Not.Contain(first).And.Contain(second));
        }
    }

    [Test]
    public async Task UnreadCount_IgnoresMessagesBeforeIClearedHistory_ButTheOtherPersonsCountIsUnchanged()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await other.SendOkAsync(conversationId, "one");
        await other.SendOkAsync(conversationId, "two");
        await me.SendOkAsync(conversationId, "mine");

        await me.ClearHistoryAsync(conversationId).NoContentAsync();
        var theirs = (await other.ConversationInListAsync(conversationId))!["unread_count"]!.GetValue<int>();
        await other.SendOkAsync(conversationId, "three");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await me.ConversationInListAsync(conversationId))!["unread_count"]!.GetValue<int>(), Is.EqualTo(1), "only 'three'");
            Assert.That(theirs, Is.EqualTo(1), "'mine' is still unread for them");
        }
    }
}
