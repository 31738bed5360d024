using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests.Messages;

public sealed class HistoryAndReadTests : ApiTest
{
    [Test]
    public async Task History_IsNewestFirst_AndPagesBackAndForthByMessageId()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var ids = new List<int>();
        for (var i = 1; i <= 7; i++)
        {
            var sender = i % 2 == 0 ? other : me;
            ids.Add((await sender.SendOkAsync(conversationId, $"message {i}"))["id"]!.GetValue<int>());
        }

        var newest = await me.GetJsonAsync($"/api/chat/messages/{conversationId}?limit=3");
        var older = await me.GetJsonAsync($"/api/chat/messages/{conversationId}?limit=3&before={ids[4]}");
        var oldest = await me.GetJsonAsync($"/api/chat/messages/{conversationId}?limit=3&before={ids[1]}");
        var newer = await me.GetJsonAsync($"/api/chat/messages/{conversationId}?limit=3&after={ids[0]}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(newest), Is.EqualTo(new[] { ids[6], ids[5], ids[4] }));
            Assert.That(newest["has_more"]!.GetValue<bool>(), Is.True);
            Assert.That(Ids(older), Is.EqualTo(new[] { ids[3], ids[2], ids[1] }));
            Assert.That(Ids(oldest), Is.EqualTo(new[] { ids[0] }));
            Assert.That(oldest["has_more"]!.GetValue<bool>(), Is.False);
            Assert.That(Ids(newer), Is.EqualTo(new[] { ids[3], ids[2], ids[1] }), "the three just after, still newest first");
            Assert.That(newer["has_more"]!.GetValue<bool>(), Is.True);
            Assert.That(newest["messages"]![0]!["is_mine"]!.GetValue<bool>(), Is.True);
            Assert.That(newest["messages"]![1]!["is_mine"]!.GetValue<bool>(), Is.False);
        }
    }

    [Test]
    public async Task History_OfSomeoneElsesConversation_IsNotFound()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var stranger = await UserAsync("Stranger");
        var conversationId = await a.OpenDirectIdAsync(b.Id);
        await a.SendOkAsync(conversationId, "private");

        var response = await stranger.Http.GetAsync(new Uri($"/api/chat/messages/{conversationId}", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [Test]
    public async Task MarkRead_BringsMyUnreadCountDown_ButNotTheOtherPersons()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var first = (await other.SendOkAsync(conversationId, "one"))["id"]!.GetValue<int>();
        await other.SendOkAsync(conversationId, "two");
        await other.SendOkAsync(conversationId, "three");

        Assert.That(await UnreadAsync(me), Is.EqualTo(3));
        var read = await me.Http.PostAsJsonAsync($"/api/chat/conversations/{conversationId}/read", new JsonObject { ["message_id"] = first });

        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await UnreadAsync(me), Is.EqualTo(2));
        Assert.That(await UnreadAsync(other), Is.Zero, "my own messages are never unread for me");
    }

    [Test]
    public async Task Replying_LeavesNothingBeforeMyReplyUnread_AndWhatComesAfterCounts()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await other.SendOkAsync(conversationId, "one");
        await other.SendOkAsync(conversationId, "two");

        await me.SendOkAsync(conversationId, "mine");
        var afterReply = await UnreadAsync(me);
        var theirsAfterReply = await UnreadAsync(other);
        await other.SendOkAsync(conversationId, "three");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterReply, Is.Zero);
            Assert.That(theirsAfterReply, Is.EqualTo(1), "the other person has not read my reply");
            Assert.That(await UnreadAsync(me), Is.EqualTo(1));
            Assert.That(await UnreadAsync(other), Is.Zero, "they replied after it");
        }
    }

    [Test]
    public async Task MarkRead_OfAMessageFromAnotherConversation_IsNotFound()
    {
        var me = await UserAsync("Me");
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var mine = await me.OpenDirectIdAsync(a.Id);
        var theirs = await a.OpenDirectIdAsync(b.Id);
        var foreignMessage = (await a.SendOkAsync(theirs, "not yours"))["id"]!.GetValue<int>();

        var response = await me.Http.PostAsJsonAsync($"/api/chat/conversations/{mine}/read", new JsonObject { ["message_id"] = foreignMessage });

        await response.ProblemAsync(HttpStatusCode.NotFound, "message_not_found");
    }

    private static int[] Ids(JsonNode page) => page["messages"]!.AsArray().Select(m => m!["id"]!.GetValue<int>()).ToArray();

    private static async Task<int> UnreadAsync(TestUser user) =>
        (await user.GetJsonAsync("/api/chat/conversations"))["conversations"]![0]!["unread_count"]!.GetValue<int>();
}
