using System.Net;

namespace Astegni.Chat.Api.Tests.ConversationActions;

/// <summary>Mute, archive and pin are mine alone: each test looks at both people's lists.</summary>
public sealed class ConversationPreferencesTests : ApiTest
{
    [Test]
    public async Task Mute_WithoutAnEnd_ShowsMutedToMe_AndNotToTheOtherPerson()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);

        await me.MuteAsync(conversationId, muted: true).NoContentAsync();

        var mine = await me.ConversationInListAsync(conversationId);
        var theirs = await other.ConversationInListAsync(conversationId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mine!["is_muted"]!.GetValue<bool>(), Is.True);
            Assert.That(mine["muted_until"], Is.Null);
            Assert.That(theirs!["is_muted"]!.GetValue<bool>(), Is.False);
        }
    }

    [Test]
    public async Task Mute_UntilALaterTime_ShowsItsEnd()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var until = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2).AddHours(8), TimeSpan.Zero);

        await me.MuteAsync(conversationId, muted: true, until).NoContentAsync();

        var mine = await me.ConversationInListAsync(conversationId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mine!["is_muted"]!.GetValue<bool>(), Is.True);
            Assert.That(mine["muted_until"]!.GetValue<string>(), Is.EqualTo(until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Test]
    public async Task Mute_UntilAPastTime_IsRefused_AndChangesNothing()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);

        var response = await me.MuteAsync(conversationId, muted: true, DateTimeOffset.UtcNow.AddMinutes(-1));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "mute_until_in_past");
        Assert.That((await me.ConversationInListAsync(conversationId))!["is_muted"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Unmute_ClearsTheMuteAndItsEnd()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await me.MuteAsync(conversationId, muted: true, DateTimeOffset.UtcNow.AddHours(3)).NoContentAsync();

        await me.MuteAsync(conversationId, muted: false).NoContentAsync();

        var mine = await me.ConversationInListAsync(conversationId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mine!["is_muted"]!.GetValue<bool>(), Is.False);
            Assert.That(mine["muted_until"], Is.Null);
        }
    }

    [Test]
    public async Task Archive_MovesItToMyArchivedList_WhileTheOtherPersonStillHasItInTheMainList()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);

        await me.ArchiveAsync(conversationId, archived: true).NoContentAsync();

        var myMain = await me.ConversationsAsync();
        var myArchived = await me.ConversationsAsync("archived=true");
        var theirMain = await other.ConversationsAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(myMain.Ids(), Is.Empty);
            Assert.That(myArchived.Ids(), Is.EqualTo(new[] { conversationId }));
            Assert.That(myArchived[0]!["is_archived"]!.GetValue<bool>(), Is.True);
            Assert.That(theirMain.Ids(), Is.EqualTo(new[] { conversationId }));
            Assert.That(theirMain[0]!["is_archived"]!.GetValue<bool>(), Is.False);
        }
    }

    [Test]
    public async Task Archived_StaysArchived_WhenANewMessageArrives()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await me.ArchiveAsync(conversationId, archived: true).NoContentAsync();

        await other.SendOkAsync(conversationId, "still there?");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await me.ConversationsAsync()).Ids(), Is.Empty);
            Assert.That((await me.ConversationsAsync("archived=true"))[0]!["unread_count"]!.GetValue<int>(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Unarchive_BringsItBackToMyMainList()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await me.ArchiveAsync(conversationId, archived: true).NoContentAsync();

        await me.ArchiveAsync(conversationId, archived: false).NoContentAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await me.ConversationsAsync()).Ids(), Is.EqualTo(new[] { conversationId }));
            Assert.That((await me.ConversationsAsync("archived=true")).Ids(), Is.Empty);
        }
    }

    [Test]
    public async Task Pin_PutsItAheadOfNewerConversations_InMyListOnly()
    {
        var me = await UserAsync("Me");
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var withA = await me.OpenDirectIdAsync(a.Id);
        var withB = await me.OpenDirectIdAsync(b.Id);
        await b.SendOkAsync(withB, "newest");

        await me.PinAsync(withA, pinned: true).NoContentAsync();
        await a.OpenDirectIdAsync(b.Id); // a's list gains a newer conversation; my pin must not lift mine there

        var mine = await me.ConversationsAsync();
        var theirs = await a.ConversationsAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mine.Ids(), Is.EqualTo(new[] { withA, withB }));
            Assert.That(mine[0]!["is_pinned"]!.GetValue<bool>(), Is.True);
            Assert.That(mine[1]!["is_pinned"]!.GetValue<bool>(), Is.False);
            Assert.That(theirs.Ids()[^1], Is.EqualTo(withA), "the other person's list is by activity only");
            Assert.That(theirs.Single(c => c!["id"]!.GetValue<int>() == withA)!["is_pinned"]!.GetValue<bool>(), Is.False);
        }
    }

    [Test]
    public async Task Unpin_PutsItBackInActivityOrder()
    {
        var me = await UserAsync("Me");
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var withA = await me.OpenDirectIdAsync(a.Id);
        var withB = await me.OpenDirectIdAsync(b.Id);
        await me.PinAsync(withA, pinned: true).NoContentAsync();

        await me.PinAsync(withA, pinned: false).NoContentAsync();

        Assert.That((await me.ConversationsAsync()).Ids(), Is.EqualTo(new[] { withB, withA }));
    }

    [Test]
    public async Task List_WithPinnedConversations_PagesWithoutRepeatsOrGaps()
    {
        var me = await UserAsync("Me");
        var ids = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            var other = await UserAsync($"Other{i}");
            ids.Add(await me.OpenDirectIdAsync(other.Id));
        }

        // Oldest first in ids; pin three old ones so the pinned section spans a page boundary.
        await me.PinAsync(ids[0], pinned: true).NoContentAsync();
        await me.PinAsync(ids[2], pinned: true).NoContentAsync();
        await me.PinAsync(ids[3], pinned: true).NoContentAsync();
        var expected = new[] { ids[3], ids[2], ids[0], ids[6], ids[5], ids[4], ids[1] };

        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await me.GetJsonAsync($"/api/chat/conversations?limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            seen.AddRange(page["conversations"].Ids());
            cursor = page["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen, Is.EqualTo(expected));
            Assert.That(pages, Is.EqualTo(4));
        }
    }
}
