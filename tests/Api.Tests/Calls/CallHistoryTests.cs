using System.Net;
using Astegni.Chat.Api.Tests.RealtimeData;

namespace Astegni.Chat.Api.Tests.Calls;

/// <summary><c>GET /api/chat/calls</c>: my calls, or one conversation's, newest first, a page at a time.</summary>
public sealed class CallHistoryTests : ApiTest
{
    [Test]
    public async Task History_HoldsTheCallsOfMyConversations_NewestFirst_AndNoOneElses()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var c = await UserAsync("C");
        var outsider = await UserAsync("Outsider");
        var ab = await a.OpenDirectIdAsync(b.Id);
        var ac = await a.OpenDirectIdAsync(c.Id);
        var bc = await b.OpenDirectIdAsync(c.Id);
        var first = await EndedCallAsync(a, b, ab);
        var second = await EndedCallAsync(c, a, ac);
        var third = await EndedCallAsync(b, c, bc);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await a.CallIdsAsync(), Is.EqualTo(new[] { second, first }));
            Assert.That(await b.CallIdsAsync(), Is.EqualTo(new[] { third, first }));
            Assert.That(await c.CallIdsAsync(), Is.EqualTo(new[] { third, second }));
            Assert.That(await outsider.CallIdsAsync(), Is.Empty);
            Assert.That((await a.ListCallsOkAsync())["next_cursor"], Is.Null);
        }
    }

    [Test]
    public async Task History_OfOneConversation_HoldsOnlyItsCalls_AndIsNotFoundForAnyoneElse()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var c = await UserAsync("C");
        var ab = await a.OpenDirectIdAsync(b.Id);
        var ac = await a.OpenDirectIdAsync(c.Id);
        var inAb = await EndedCallAsync(a, b, ab);
        await EndedCallAsync(a, c, ac);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await a.CallIdsAsync($"?conversation_id={ab}"), Is.EqualTo(new[] { inAb }));
            Assert.That(await b.CallIdsAsync($"?conversation_id={ab}"), Is.EqualTo(new[] { inAb }));
        }

        await (await c.ListCallsAsync($"?conversation_id={ab}")).ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await c.ListCallsAsync($"?conversation_id={ab + 1000}")).ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [Test]
    public async Task History_PagesWithTheCursor_WithoutGapsOrRepeats_EvenForCallsStartedAtTheSameInstant()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var conversationId = await a.OpenDirectIdAsync(b.Id);
        foreach (var minutesAgo in new[] { 5, 5, 5, 3, 9, 1, 3 })
        {
            await InsertCallAsync(conversationId, a.Id, $"{minutesAgo} minutes");
        }

        var all = await a.CallIdsAsync("?limit=100");
        var paged = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await a.ListCallsOkAsync("?limit=2" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}"));
            paged.AddRange(page["calls"]!.AsArray().Select(c => c!["id"]!.GetValue<int>()));
            cursor = page["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 10);

        var started = (await a.ListCallsOkAsync("?limit=100"))["calls"]!.AsArray().Select(c => c!["started_at"]!.Time()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(all, Has.Length.EqualTo(7));
            Assert.That(paged, Is.EqualTo(all));
            Assert.That(pages, Is.EqualTo(4));
            Assert.That(started, Is.Ordered.Descending);
        }
    }

    [Test]
    public async Task History_OfAGroup_ShowsAMemberTheCallsFromTheirJoiningToTheirLeaving()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var groupId = await Db.InsertGroupAsync("Biology", admin.Id, member.Id); // joined 2 and 1 minutes ago
        var beforeMemberJoined = await InsertCallAsync(groupId, admin.Id, "90 seconds");
        var whileMember = await InsertCallAsync(groupId, admin.Id, "30 seconds");
        await Db.ExecuteAsync(
            "UPDATE conversation_participants SET is_active = false, left_at = now() - interval '10 seconds' WHERE conversation_id = $1 AND user_id = $2",
            groupId, member.Id);
        var afterMemberLeft = await InsertCallAsync(groupId, admin.Id, "5 seconds");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await admin.CallIdsAsync(), Is.EqualTo(new[] { afterMemberLeft, whileMember, beforeMemberJoined }));
            Assert.That(await member.CallIdsAsync(), Is.EqualTo(new[] { whileMember }));
            Assert.That(await member.CallIdsAsync($"?conversation_id={groupId}"), Is.EqualTo(new[] { whileMember }));
        }
    }

    [Test]
    public async Task History_ClearedByMe_NoLongerShowsEarlierCalls_ToMeOnly()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var conversationId = await a.OpenDirectIdAsync(b.Id);
        var callId = await EndedCallAsync(a, b, conversationId);

        await a.ClearHistoryAsync(conversationId).NoContentAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await a.CallIdsAsync(), Is.Empty);
            Assert.That(await b.CallIdsAsync(), Is.EqualTo(new[] { callId }));
        }
    }

    [TestCase("?limit=0", "invalid_limit")]
    [TestCase("?limit=101", "invalid_limit")]
    [TestCase("?cursor=not-a-cursor", "invalid_cursor")]
    [TestCase("?conversation_id=0", "invalid_conversation_id")]
    [TestCase("?conversation_id=-4", "invalid_conversation_id")]
    [TestCase("?conversation_id=abc", "malformed_request")]
    [TestCase("?limit=ten", "malformed_request")]
    public async Task History_WithMalformedParameters_IsABadRequest(string query, string code)
    {
        var me = await UserAsync("Me");

        await (await me.ListCallsAsync(query)).ProblemAsync(HttpStatusCode.BadRequest, code);
    }

    private static async Task<int> EndedCallAsync(TestUser caller, TestUser callee, int conversationId)
    {
        var callId = await caller.StartCallIdAsync(conversationId);
        await callee.CallActionOkAsync(callId, "answer");
        await caller.CallActionOkAsync(callId, "end");
        return callId;
    }

    private static Task<int> InsertCallAsync(int conversationId, int callerId, string startedAgo) =>
        Db.ScalarAsync<int>(
            """
            INSERT INTO call_logs (conversation_id, caller_user_id, call_type, status, started_at, answered_at, ended_at, duration_seconds, created_at)
            VALUES ($1, $2, 'voice', 'ended', date_trunc('second', now()) - $3::interval, date_trunc('second', now()) - $3::interval,
                    date_trunc('second', now()) - $3::interval + interval '20 seconds', 20, now())
            RETURNING id
            """,
            conversationId, callerId, startedAgo);
}
