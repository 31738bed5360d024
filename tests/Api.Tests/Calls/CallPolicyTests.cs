using System.Net;
using System.Text.Json.Nodes;
using Astegni.Chat.Api.Tests.RealtimeData;
using static Astegni.Chat.Api.Tests.CallChatClient;

namespace Astegni.Chat.Api.Tests.Calls;

/// <summary>
/// Who may call whom, over REST: in a direct chat the callee's <c>allow_calls_from</c> and blocks decide
/// (<c>CallPolicy</c>); in a group, membership does, except for people in a block relation with the caller.
/// </summary>
public sealed class CallPolicyTests : ApiTest
{
    [TearDown]
    public Task LetConnectionsClose() => Factory.WaitUntilQuietAsync();

    [Test]
    public async Task Callee_AcceptingCallsFromNobody_IsNotRung()
    {
        var (caller, callee, conversationId) = await DirectChatAsync();
        await (await callee.PutSettingsAsync(new JsonObject { ["allow_calls_from"] = "none" })).JsonAsync(HttpStatusCode.OK);
        await using var calleePhone = await HubListener.ConnectAsync(callee.Id, Ringing);

        await (await caller.StartCallAsync(conversationId)).ProblemAsync(HttpStatusCode.Forbidden, "recipient_not_accepting_calls");

        await Task.Delay(HubListener.Quiet);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calleePhone.All(Ringing), Is.Empty);
            Assert.That(await Db.CallLogRowsAsync(conversationId), Is.Zero);
        }
    }

    [Test]
    public async Task Callee_AcceptingCallsFromConnections_RefusesOthers_AndTakesAConnectionsCall()
    {
        var (caller, callee, conversationId) = await DirectChatAsync();
        await (await callee.PutSettingsAsync(new JsonObject { ["allow_calls_from"] = "connections" })).JsonAsync(HttpStatusCode.OK);

        await (await caller.StartCallAsync(conversationId)).ProblemAsync(HttpStatusCode.Forbidden, "recipient_accepts_calls_from_connections_only");
        await Db.ConnectAsync(callee.Id, caller.Id);
        var call = await caller.StartCallOkAsync(conversationId);

        Assert.That(call["status"]!.GetValue<string>(), Is.EqualTo("ringing"));
    }

    [Test]
    public async Task PendingConnection_IsNoConnection()
    {
        var (caller, callee, conversationId) = await DirectChatAsync();
        await (await callee.PutSettingsAsync(new JsonObject { ["allow_calls_from"] = "connections" })).JsonAsync(HttpStatusCode.OK);
        await Db.ConnectAsync(caller.Id, callee.Id, status: "pending");

        await (await caller.StartCallAsync(conversationId)).ProblemAsync(HttpStatusCode.Forbidden, "recipient_accepts_calls_from_connections_only");
    }

    [Test]
    public async Task OnlyTheCalleesSettingDecides_NotTheCallers()
    {
        var (caller, _, conversationId) = await DirectChatAsync();
        await (await caller.PutSettingsAsync(new JsonObject { ["allow_calls_from"] = "none" })).JsonAsync(HttpStatusCode.OK);

        await caller.StartCallOkAsync(conversationId);
    }

    [Test]
    public async Task Caller_BlockedByTheCallee_HearsOnlyThatTheyAreUnavailable_EvenWhenTheyBlockedBack()
    {
        var (caller, callee, conversationId) = await DirectChatAsync();
        await (await callee.BlockAsync(caller.Id)).NoContentAsync();
        await using var calleePhone = await HubListener.ConnectAsync(callee.Id, Ringing);

        var refused = await (await caller.StartCallAsync(conversationId)).ProblemAsync(HttpStatusCode.Forbidden, "recipient_unavailable");
        await (await caller.BlockAsync(callee.Id)).NoContentAsync();
        await (await caller.StartCallAsync(conversationId)).ProblemAsync(HttpStatusCode.Forbidden, "recipient_unavailable");

        await Task.Delay(HubListener.Quiet);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.ToJsonString(), Does.Not.Contain("block"), "not told about the block");
            Assert.That(calleePhone.All(Ringing), Is.Empty);
            Assert.That(await Db.CallLogRowsAsync(conversationId), Is.Zero);
        }
    }

    [Test]
    public async Task Caller_WhoBlockedTheCallee_IsToldToUnblockFirst()
    {
        var (caller, callee, conversationId) = await DirectChatAsync();
        await (await caller.BlockAsync(callee.Id)).NoContentAsync();

        await (await caller.StartCallAsync(conversationId)).ProblemAsync(HttpStatusCode.Forbidden, "you_blocked_recipient");
    }

    [Test]
    public async Task ABlockDuringACall_CutsTheBlockedPersonOffIt()
    {
        var (caller, callee, conversationId) = await DirectChatAsync();
        var callId = await caller.StartCallIdAsync(conversationId);
        await (await callee.BlockAsync(caller.Id)).NoContentAsync();

        await (await callee.CallActionAsync(callId, "answer")).ProblemAsync(HttpStatusCode.NotFound, "call_not_found");
    }

    [Test]
    public async Task InAGroup_MembershipIsThePermission_AMemberAcceptingNoDirectCallsIsStillRung()
    {
        var caller = await UserAsync("Caller");
        var member = await UserAsync("Member");
        var groupId = await caller.CreateGroupIdAsync("Chemistry class", member.Id);
        await (await member.PutSettingsAsync(new JsonObject { ["allow_calls_from"] = "none" })).JsonAsync(HttpStatusCode.OK);
        await using var memberPhone = await HubListener.ConnectAsync(member.Id, Ringing);

        var callId = await caller.StartCallIdAsync(groupId);

        Assert.That((await memberPhone.NextAsync(Ringing)).GetProperty("call").Int("id"), Is.EqualTo(callId));
    }

    private static async Task<(TestUser Caller, TestUser Callee, int ConversationId)> DirectChatAsync()
    {
        var caller = await UserAsync("Caller");
        var callee = await UserAsync("Callee");
        return (caller, callee, await caller.OpenDirectIdAsync(callee.Id));
    }
}
