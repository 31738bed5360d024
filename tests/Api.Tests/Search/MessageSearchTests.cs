using System.Net;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests.Search;

/// <summary>Word search over messages finds only what the caller's own history would show.</summary>
public sealed class MessageSearchTests : ApiTest
{
    [Test]
    public async Task Search_FindsMessagesWithEveryWord_AcrossMyConversations_NewestFirst()
    {
        var me = await UserAsync("Me");
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var withA = await me.OpenDirectIdAsync(a.Id);
        var withB = await me.OpenDirectIdAsync(b.Id);
        var first = await a.SendIdAsync(withA, "The physics exam is on Monday");
        await a.SendOkAsync(withA, "The chemistry lab is on Friday");
        var second = await me.SendIdAsync(withB, "Did you study for the PHYSICS exam?");
        var third = await b.SendIdAsync(withB, "exam tomorrow, physics after");

        var found = await SearchAsync(me, "physics exam");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found["messages"].Ids(), Is.EqualTo(new[] { third, second, first }), "every word, in any order and any case");
            Assert.That(found["messages"]![1]!["content"]!.GetValue<string>(), Is.EqualTo("Did you study for the PHYSICS exam?"));
            Assert.That(found["messages"]![1]!["is_mine"]!.GetValue<bool>(), Is.True);
            Assert.That(found["messages"]![1]!["sender_name"], Is.Not.Null);
            Assert.That(found["next_cursor"], Is.Null);
        }
    }

    [Test]
    public async Task Search_MatchesWholeWordsOnly()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await other.SendOkAsync(conversationId, "mathematics homework");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await SearchAsync(me, "math"))["messages"]!.AsArray(), Is.Empty);
            Assert.That((await SearchAsync(me, "mathematics"))["messages"]!.AsArray(), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task Search_FindsAmharicWords()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var greeting = await other.SendIdAsync(conversationId, "ሰላም እንዴት ነህ? ነገ ትምህርት አለ።");
        var closing = await other.SendIdAsync(conversationId, "ደህና ሁን፣ ሰላም።");
        await other.SendOkAsync(conversationId, "Selam, see you tomorrow");

        var found = await SearchAsync(me, "ሰላም");
        var two = await SearchAsync(me, "ትምህርት ሰላም");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found["messages"].Ids(), Is.EqualTo(new[] { closing, greeting }), "Ethiopic punctuation ends a word");
            Assert.That(two["messages"].Ids(), Is.EqualTo(new[] { greeting }));
        }
    }

    [Test]
    public async Task Search_WithinOneConversation_LeavesOthersOut()
    {
        var me = await UserAsync("Me");
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var withA = await me.OpenDirectIdAsync(a.Id);
        var withB = await me.OpenDirectIdAsync(b.Id);
        var inA = await a.SendIdAsync(withA, "tutoring session at 5");
        await b.SendOkAsync(withB, "tutoring session at 6");

        var found = await SearchAsync(me, "session", $"conversation_id={withA}");

        Assert.That(found["messages"].Ids(), Is.EqualTo(new[] { inA }));
    }

    [Test]
    public async Task Search_NeverReturnsOtherPeoplesConversations()
    {
        var me = await UserAsync("Me");
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var theirs = await a.OpenDirectIdAsync(b.Id);
        await a.SendOkAsync(theirs, "secret password is banana");

        var everywhere = await SearchAsync(me, "banana");
        var named = await me.Http.GetAsync(new Uri($"/api/chat/messages/search?q=banana&conversation_id={theirs}", UriKind.Relative));

        Assert.That(everywhere["messages"]!.AsArray(), Is.Empty);
        await named.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [Test]
    public async Task Search_LeavesOutMessagesDeletedForMe_ButTheOtherPersonStillFindsThem()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var deleted = await other.SendIdAsync(conversationId, "quiz answers attached");
        var kept = await other.SendIdAsync(conversationId, "quiz tomorrow");

        await Db.DeleteForMeAsync(deleted, me.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await SearchAsync(me, "quiz"))["messages"].Ids(), Is.EqualTo(new[] { kept }));
            Assert.That((await SearchAsync(other, "quiz"))["messages"].Ids(), Is.EqualTo(new[] { kept, deleted }));
        }
    }

    [Test]
    public async Task Search_LeavesOutMessagesDeletedForEveryone()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var deleted = await other.SendIdAsync(conversationId, "wrong homework link");

        await Db.DeleteForEveryoneAsync(deleted);
        // A tombstone whose text somehow survived must still not be found.
        await Db.ExecuteAsync("UPDATE chat_messages SET content = 'wrong homework link' WHERE id = $1", deleted);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await SearchAsync(me, "homework"))["messages"]!.AsArray(), Is.Empty);
            Assert.That((await SearchAsync(other, "homework"))["messages"]!.AsArray(), Is.Empty);
        }
    }

    [Test]
    public async Task Search_LeavesOutMessagesBeforeIClearedHistory_ButTheOtherPersonStillFindsThem()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var old = await other.SendIdAsync(conversationId, "invoice number 17");
        await me.ClearHistoryAsync(conversationId).NoContentAsync();
        var fresh = await other.SendIdAsync(conversationId, "new invoice attached");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await SearchAsync(me, "invoice"))["messages"].Ids(), Is.EqualTo(new[] { fresh }));
            Assert.That((await SearchAsync(other, "invoice"))["messages"].Ids(), Is.EqualTo(new[] { fresh, old }));
        }
    }

    [Test]
    public async Task Search_InAGroup_LeavesOutMessagesFromBeforeIJoined()
    {
        var me = await UserAsync("Me");
        var founder = await UserAsync("Founder");
        var groupId = await Db.GroupAsync("Biology class", founder.Id);
        var before = await founder.SendIdAsync(groupId, "biology notes chapter 1");
        await Task.Delay(5);
        await Db.JoinAsync(groupId, me.Id);
        var after = await founder.SendIdAsync(groupId, "biology notes chapter 2");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await SearchAsync(me, "biology"))["messages"].Ids(), Is.EqualTo(new[] { after }));
            Assert.That((await SearchAsync(founder, "biology"))["messages"].Ids(), Is.EqualTo(new[] { after, before }));
        }
    }

    [Test]
    public async Task Search_AfterLeavingAGroup_FindsNothingThere()
    {
        var me = await UserAsync("Me");
        var founder = await UserAsync("Founder");
        var groupId = await Db.GroupAsync("History class", founder.Id, me.Id);
        await founder.SendOkAsync(groupId, "history essay due");

        await Db.ExecuteAsync("UPDATE conversation_participants SET is_active = false, left_at = now() WHERE conversation_id = $1 AND user_id = $2", groupId, me.Id);

        Assert.That((await SearchAsync(me, "essay"))["messages"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Search_PagesWithCursor_NewestFirst_WithoutRepeatsOrGaps()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var expected = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            expected.Insert(0, await other.SendIdAsync(conversationId, $"lesson {i} notes"));
            await other.SendOkAsync(conversationId, $"unrelated {i}");
        }

        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await SearchAsync(me, "lesson", "limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(page["messages"].Ids());
            cursor = page["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen, Is.EqualTo(expected));
            Assert.That(pages, Is.EqualTo(3));
        }
    }

    [Test]
    public async Task Search_WithOnlyPunctuation_FindsNothing_WithoutFailing()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await other.SendOkAsync(conversationId, "hello !!! ???");

        Assert.That((await SearchAsync(me, "!!! ???"))["messages"]!.AsArray(), Is.Empty);
    }

    [TestCase("/api/chat/messages/search", "invalid_search_query")]
    [TestCase("/api/chat/messages/search?q=", "invalid_search_query")]
    [TestCase("/api/chat/messages/search?q=%20%20%20", "invalid_search_query")]
    [TestCase("/api/chat/messages/search?q=a%00b", "invalid_characters")]
    [TestCase("/api/chat/messages/search?q=hi&limit=0", "invalid_limit")]
    [TestCase("/api/chat/messages/search?q=hi&limit=101", "invalid_limit")]
    [TestCase("/api/chat/messages/search?q=hi&cursor=not-a-cursor!", "invalid_cursor")]
    [TestCase("/api/chat/messages/search?q=hi&conversation_id=0", "invalid_conversation_id")]
    public async Task BadQuery_IsValidationProblemWithCode(string path, string code)
    {
        var me = await UserAsync("Me");

        var response = await me.Http.GetAsync(new Uri(path, UriKind.Relative));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.That(problem["errors"], Is.Not.Null);
    }

    [Test]
    public async Task AQueryLongerThan200Characters_IsRefused_And200IsAccepted()
    {
        var me = await UserAsync("Me");

        var tooLong = await me.Http.GetAsync(new Uri($"/api/chat/messages/search?q={new string('a', 201)}", UriKind.Relative));
        var longest = await me.Http.GetAsync(new Uri($"/api/chat/messages/search?q={new string('a', 200)}", UriKind.Relative));

        await tooLong.ProblemAsync(HttpStatusCode.BadRequest, "invalid_search_query");
        Assert.That(longest.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("/api/chat/messages/search?q=hi&conversation_id=abc")]
    [TestCase("/api/chat/messages/search?q=hi&limit=ten")]
    public async Task NonNumericParameter_IsMalformedRequest(string path)
    {
        var me = await UserAsync("Me");

        var response = await me.Http.GetAsync(new Uri(path, UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    private static Task<JsonNode> SearchAsync(TestUser user, string q, string? more = null) =>
        user.GetJsonAsync($"/api/chat/messages/search?q={Uri.EscapeDataString(q)}{(more is null ? "" : "&" + more)}");
}
