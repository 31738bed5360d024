using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Astegni.Chat.Api.Tests.RealtimeData;
using Microsoft.AspNetCore.SignalR;

namespace Astegni.Chat.Api.Tests.Http;

/// <summary>
/// Text PostgreSQL cannot store (NUL) or nobody can read (other control characters) is the client's
/// 400 <c>invalid_characters</c> naming the field, on every route and over the hub; never a 500.
/// </summary>
public sealed class UnstorableTextTests : ApiTest
{
    private const string Nul = "a\0b";

    public static IEnumerable<TestCaseData> Fields()
    {
        yield return new TestCaseData("POST /conversations", "name", Nul).SetName("GroupName_OnCreate");
        yield return new TestCaseData("POST /conversations", "description", Nul).SetName("GroupDescription_OnCreate");
        yield return new TestCaseData("PUT /conversations/{group}", "name", Nul).SetName("GroupName_OnUpdate");
        yield return new TestCaseData("PUT /conversations/{group}", "description", "bell\u0007").SetName("GroupDescription_OnUpdate");
        yield return new TestCaseData("POST /messages", "content", Nul).SetName("Content_OnSend");
        yield return new TestCaseData("POST /messages", "client_message_id", Nul).SetName("ClientMessageId_OnSend");
        yield return new TestCaseData("PUT /messages/{message}", "content", "escape\u001b[31m").SetName("Content_OnEdit");
        yield return new TestCaseData("POST /messages/{message}/reactions", "reaction", "\0").SetName("Reaction");
        yield return new TestCaseData("POST /block", "reason", Nul).SetName("BlockReason");
    }

    [TestCaseSource(nameof(Fields))]
    public async Task ControlCharacterInAField_IsInvalidCharacters_NamingTheField(string route, string field, string text)
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var direct = await me.OpenDirectIdAsync(other.Id);
        var group = await me.CreateGroupIdAsync("Study group", other.Id);
        var message = await me.SendIdAsync(direct, "hello");
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]
            .Replace("{group}", group.ToString(), StringComparison.Ordinal)
            .Replace("{message}", message.ToString(), StringComparison.Ordinal));
        JsonObject body = path switch
        {
            "/conversations" => new() { ["type"] = "group", ["name"] = "Group", ["participant_user_ids"] = new JsonArray(other.Id) },
            "/messages" => new() { ["conversation_id"] = direct, ["message_type"] = "text", ["content"] = "hi" },
            "/block" => new() { ["blocked_user_id"] = other.Id },
            _ when path.EndsWith("/reactions", StringComparison.Ordinal) => [],
            _ => new() { ["content"] = "edited" },
        };
        body[field] = text;

        var response = await me.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/chat" + path)
        {
            Content = JsonContent.Create(body),
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_characters");
        Assert.That(problem["errors"]?[field], Is.Not.Null, problem.ToJsonString());
    }

    [TestCase("/api/chat/conversations?q=a%00b")]
    [TestCase("/api/chat/messages/search?q=a%00b")]
    [TestCase("/api/chat/contacts?q=%01")]
    public async Task ControlCharacterInAQueryText_IsInvalidCharacters(string path)
    {
        var me = await UserAsync("Me");

        var response = await me.Http.GetAsync(new Uri(path, UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_characters");
    }

    [Test]
    public async Task ControlCharacterInADeleteScope_IsInvalidCharacters()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var message = await me.SendIdAsync(await me.OpenDirectIdAsync(other.Id), "hello");

        var response = await me.Http.DeleteAsync(new Uri($"/api/chat/messages/{message}?for=%00", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_characters");
    }

    [Test]
    public async Task TabsAndLineBreaks_AndEmoji_AndAmharic_AreKept()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var direct = await me.OpenDirectIdAsync(other.Id);
        const string text = "ሰላም\tselam\r\nline two 👋🏽";

        var sent = await me.SendOkAsync(direct, text);

        Assert.That(sent["content"]!.GetValue<string>(), Is.EqualTo(text));
    }

    [Test]
    public async Task ControlCharacterInAHubCall_IsRefusedWithTheSameCode()
    {
        var me = await UserAsync("Me");
        await using var phone = await HubListener.ConnectAsync(me.Id);

        var refused = Assert.ThrowsAsync<HubException>(() => phone.InvokeRawAsync("SendCallSignal", 1, "offer\0", new JsonObject { ["sdp"] = "v=0" }));

        Assert.That(refused!.Message, Does.Contain("invalid_characters"));
    }
}
