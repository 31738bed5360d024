using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests.Calls;

/// <summary>Placing and acting on calls over REST: who may do what, when, and what a malformed request gets.</summary>
public sealed class CallRestTests : ApiTest
{
    [Test]
    public async Task Start_AnswersCreatedWithTheCall_AndWhereToActOnIt()
    {
        var caller = await UserAsync("Caller");
        var callee = await UserAsync("Callee");
        var conversationId = await caller.OpenDirectIdAsync(callee.Id);

        var response = await caller.StartCallAsync(conversationId, "voice");

        var call = (await response.JsonAsync(HttpStatusCode.Created))["call"]!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Select(p => p.Key), Is.EquivalentTo(new[]
            {
                "id", "conversation_id", "caller_user_id", "call_type", "status", "started_at", "answered_at", "ended_at", "duration_seconds",
            }));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/chat/calls/{call["id"]}"));
            Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("ringing"));
            Assert.That(call["call_type"]!.GetValue<string>(), Is.EqualTo("voice"));
            Assert.That(call["started_at"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(await Db.CallLogRowsAsync(conversationId), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Start_InAConversationIAmNotIn_OrThatDoesNotExist_IsNotFound_AndStoresNothing()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var intruder = await UserAsync("Intruder");
        var conversationId = await a.OpenDirectIdAsync(b.Id);

        await (await intruder.StartCallAsync(conversationId)).ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await intruder.StartCallAsync(conversationId + 1000)).ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        Assert.That(await Db.CallLogRowsAsync(conversationId), Is.Zero);
    }

    [Test]
    public async Task Start_InMyNotes_IsRefused_ThereIsNobodyToCall()
    {
        var me = await UserAsync("Me");
        var notesId = await me.OpenDirectIdAsync(me.Id);

        await (await me.StartCallAsync(notesId)).ProblemAsync(HttpStatusCode.Forbidden, "nobody_to_call");
    }

    [Test]
    public async Task Start_WhileACallRingsOrGoesOnInTheConversation_IsRefusedForEitherSide_UntilItIsOver()
    {
        var caller = await UserAsync("Caller");
        var callee = await UserAsync("Callee");
        var conversationId = await caller.OpenDirectIdAsync(callee.Id);
        var callId = await caller.StartCallIdAsync(conversationId);

        await (await caller.StartCallAsync(conversationId)).ProblemAsync(HttpStatusCode.Conflict, "call_in_progress");
        await (await callee.StartCallAsync(conversationId)).ProblemAsync(HttpStatusCode.Conflict, "call_in_progress");
        await callee.CallActionOkAsync(callId, "answer");
        await (await caller.StartCallAsync(conversationId, "video")).ProblemAsync(HttpStatusCode.Conflict, "call_in_progress");
        await callee.CallActionOkAsync(callId, "end");

        var next = await callee.StartCallOkAsync(conversationId, "video");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(next["caller_user_id"]!.GetValue<int>(), Is.EqualTo(callee.Id));
            Assert.That(await Db.CallLogRowsAsync(conversationId), Is.EqualTo(2), "one row per call, none for the refused ones");
        }
    }

    [Test]
    public async Task Start_ManyAtOnce_RingsOnlyOnce()
    {
        var caller = await UserAsync("Caller");
        var callee = await UserAsync("Callee");
        var conversationId = await caller.OpenDirectIdAsync(callee.Id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? caller : callee).StartCallAsync(conversationId)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(5));
            Assert.That(await Db.CallLogRowsAsync(conversationId), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Answer_ByTwoGroupMembersAtOnce_OnlyOneWins()
    {
        var caller = await UserAsync("Caller");
        var members = new[] { await UserAsync("M1"), await UserAsync("M2"), await UserAsync("M3"), await UserAsync("M4") };
        var groupId = await caller.CreateGroupIdAsync("Tutors", members.Select(m => m.Id).ToArray());
        var callId = await caller.StartCallIdAsync(groupId);

        var responses = await Task.WhenAll(members.Select(m => m.CallActionAsync(callId, "answer")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(3));
        }
    }

    [TestCase("answer", HttpStatusCode.Forbidden, "caller_cannot_answer")]
    [TestCase("decline", HttpStatusCode.Forbidden, "caller_cannot_decline")]
    [TestCase("end", HttpStatusCode.Conflict, "call_not_answered")]
    public async Task CallerActions_OnARingingCall_AreRefused(string action, HttpStatusCode status, string code)
    {
        var (caller, _, callId) = await RingingCallAsync();

        await (await caller.CallActionAsync(callId, action)).ProblemAsync(status, code);
    }

    [TestCase("cancel", HttpStatusCode.Forbidden, "only_caller_can_cancel")]
    [TestCase("end", HttpStatusCode.Conflict, "call_not_answered")]
    public async Task CalleeActions_OnARingingCall_AreRefused(string action, HttpStatusCode status, string code)
    {
        var (_, callee, callId) = await RingingCallAsync();

        await (await callee.CallActionAsync(callId, action)).ProblemAsync(status, code);
    }

    [TestCase("answer")]
    [TestCase("decline")]
    [TestCase("cancel")]
    public async Task RingingActions_OnAnAnsweredCall_AreRefused(string action)
    {
        var (caller, callee, callId) = await RingingCallAsync();
        await callee.CallActionOkAsync(callId, "answer");

        await (await (action == "cancel" ? caller : callee).CallActionAsync(callId, action)).ProblemAsync(HttpStatusCode.Conflict, "call_already_answered");
    }

    [TestCase("answer")]
    [TestCase("decline")]
    [TestCase("cancel")]
    [TestCase("end")]
    public async Task EveryAction_OnAnEndedCall_IsRefused_AndTheCallStaysAsItEnded(string action)
    {
        var (caller, callee, callId) = await RingingCallAsync();
        await callee.CallActionOkAsync(callId, "answer");
        var ended = await caller.CallActionOkAsync(callId, "end");

        await (await (action == "cancel" ? caller : callee).CallActionAsync(callId, action)).ProblemAsync(HttpStatusCode.Conflict, "call_finished");

        var history = await caller.ListCallsOkAsync();
        Assert.That(history["calls"]![0]!.ToJsonString(), Is.EqualTo(ended.ToJsonString()));
    }

    [TestCase("answer")]
    [TestCase("decline")]
    [TestCase("cancel")]
    [TestCase("end")]
    public async Task EveryAction_BySomeoneOutsideTheCall_IsNotFound_LikeACallThatDoesNotExist(string action)
    {
        var (_, _, callId) = await RingingCallAsync();
        var outsider = await UserAsync("Outsider");

        await (await outsider.CallActionAsync(callId, action)).ProblemAsync(HttpStatusCode.NotFound, "call_not_found");
        await (await outsider.CallActionAsync(callId + 1000, action)).ProblemAsync(HttpStatusCode.NotFound, "call_not_found");
    }

    [Test]
    public async Task ACallInADirectChat_ReachesSomeoneWhoDeletedTheirChatData_WhoCanAnswerIt()
    {
        var caller = await UserAsync("Caller");
        var callee = await UserAsync("Callee");
        var conversationId = await caller.OpenDirectIdAsync(callee.Id);
        await (await callee.Http.DeleteAsync(new Uri("/api/chat/data?confirm=true", UriKind.Relative))).NoContentAsync();

        var callId = await caller.StartCallIdAsync(conversationId);

        var answered = await callee.CallActionOkAsync(callId, "answer");
        Assert.That(answered["status"]!.GetValue<string>(), Is.EqualTo("answered"));
    }

    // ---- Malformed input: 400 with a code, never a 500 ----

    [TestCase("audio", "invalid_call_type")]
    [TestCase("VIDEO", "invalid_call_type")]
    [TestCase("", "invalid_call_type")]
    [TestCase(null, "invalid_call_type")]
    public async Task Start_WithAnUnknownCallType_IsRefused(string? callType, string code)
    {
        var caller = await UserAsync("Caller");
        var callee = await UserAsync("Callee");
        var conversationId = await caller.OpenDirectIdAsync(callee.Id);

        await (await caller.StartCallAsync(conversationId, callType)).ProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.That(await Db.CallLogRowsAsync(conversationId), Is.Zero);
    }

    [TestCase("""{"conversation_id": 0, "call_type": "voice"}""", "invalid_conversation_id")]
    [TestCase("""{"call_type": "voice"}""", "invalid_conversation_id")]
    [TestCase("""{"conversation_id": "seven", "call_type": "voice"}""", "malformed_request")]
    [TestCase("""{"conversation_id": 1, "call_type": 5}""", "malformed_request")]
    [TestCase("""{"conversation_id": 1,""", "malformed_request")]
    [TestCase("""[]""", "malformed_request")]
    public async Task Start_WithAMalformedBody_IsABadRequest(string body, string code)
    {
        var caller = await UserAsync("Caller");
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        await (await caller.Http.PostAsync(new Uri("/api/chat/calls", UriKind.Relative), content)).ProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [TestCase("hold")]
    [TestCase("ANSWER")]
    [TestCase("")]
    [TestCase(null)]
    public async Task Update_WithAnUnknownAction_IsRefused(string? action)
    {
        var (_, callee, callId) = await RingingCallAsync();

        await (await callee.CallActionAsync(callId, action)).ProblemAsync(HttpStatusCode.BadRequest, "invalid_call_action");
    }

    [Test]
    public async Task Update_OfCallIdZero_IsRefused_AndANonNumericId_IsNotARoute()
    {
        var me = await UserAsync("Me");

        await (await me.CallActionAsync(0, "answer")).ProblemAsync(HttpStatusCode.BadRequest, "invalid_call_id");
        var notARoute = await me.Http.PutAsJsonAsync("/api/chat/calls/abc", new JsonObject { ["action"] = "answer" });
        await notARoute.ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [TestCase("/api/chat/calls", "POST")]
    [TestCase("/api/chat/calls/1", "PUT")]
    [TestCase("/api/chat/calls", "GET")]
    [TestCase("/api/chat/ice-servers", "GET")]
    public async Task EveryCallRoute_WithoutAToken_IsUnauthorized(string path, string method)
    {
        using var anonymous = Factory.AnonymousClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = JsonContent.Create(new JsonObject { ["conversation_id"] = 1, ["call_type"] = "voice", ["action"] = "answer" });
        }

        var response = await anonymous.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private static async Task<(TestUser Caller, TestUser Callee, int CallId)> RingingCallAsync()
    {
        var caller = await UserAsync("Caller");
        var callee = await UserAsync("Callee");
        var callId = await caller.StartCallIdAsync(await caller.OpenDirectIdAsync(callee.Id));
        return (caller, callee, callId);
    }
}
