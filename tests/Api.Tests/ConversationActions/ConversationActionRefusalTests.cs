using System.Net;
using System.Text;

namespace Astegni.Chat.Api.Tests.ConversationActions;

/// <summary>Someone else's conversation is not found, whatever the action; bad input is a 400 with a code.</summary>
public sealed class ConversationActionRefusalTests : ApiTest
{
    public static IEnumerable<TestCaseData> Actions()
    {
        yield return new TestCaseData(HttpMethod.Put, "mute", """{"muted": true}""").SetName("Mute_{m}");
        yield return new TestCaseData(HttpMethod.Put, "archive", """{"archived": true}""").SetName("Archive_{m}");
        yield return new TestCaseData(HttpMethod.Put, "pin", """{"pinned": true}""").SetName("Pin_{m}");
        yield return new TestCaseData(HttpMethod.Delete, "history", null).SetName("ClearHistory_{m}");
        yield return new TestCaseData(HttpMethod.Delete, "", null).SetName("Delete_{m}");
        yield return new TestCaseData(HttpMethod.Get, "read-status", null).SetName("ReadStatus_{m}");
    }

    [TestCaseSource(nameof(Actions))]
    public async Task OnSomeoneElsesConversation_IsNotFound_AndChangesNothingForThem(HttpMethod method, string action, string? body)
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var stranger = await UserAsync("Stranger");
        var conversationId = await a.OpenDirectIdAsync(b.Id);
        await a.SendOkAsync(conversationId, "private");

        var response = await SendAsync(stranger, method, conversationId, action, body);

        await response.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        var theirs = await a.ConversationInListAsync(conversationId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(theirs, Is.Not.Null);
            Assert.That(theirs!["is_muted"]!.GetValue<bool>() || theirs["is_pinned"]!.GetValue<bool>(), Is.False);
            Assert.That(await b.HistoryIdsAsync(conversationId), Has.Length.EqualTo(1));
        }
    }

    [TestCaseSource(nameof(Actions))]
    public async Task OnAConversationThatDoesNotExist_IsNotFound(HttpMethod method, string action, string? body)
    {
        var me = await UserAsync("Me");

        var response = await SendAsync(me, method, 987654, action, body);

        await response.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [TestCaseSource(nameof(Actions))]
    public async Task OnConversationIdZero_IsInvalidConversationId(HttpMethod method, string action, string? body)
    {
        var me = await UserAsync("Me");

        var response = await SendAsync(me, method, 0, action, body);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_conversation_id");
    }

    [TestCase("mute", "{}")]
    [TestCase("mute", """{"until": "2030-01-01T00:00:00Z"}""")]
    [TestCase("mute", """{"muted": "yes"}""")]
    [TestCase("mute", """{"muted": true, "until": "tomorrow"}""")]
    [TestCase("archive", "{}")]
    [TestCase("archive", """{"archived": 1}""")]
    [TestCase("pin", "{}")]
    [TestCase("pin", "not json")]
    public async Task MalformedBody_IsMalformedRequest(string action, string body)
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);

        var response = await SendAsync(me, HttpMethod.Put, conversationId, action, body);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Test]
    public async Task Unmute_IgnoresAnEndTime()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);

        await me.MuteAsync(conversationId, muted: false, DateTimeOffset.UtcNow.AddDays(-1)).NoContentAsync();

        Assert.That((await me.ConversationInListAsync(conversationId))!["is_muted"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task AFormerGroupMember_CannotActOnTheGroup()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var groupId = await Db.GroupAsync("Physics study group", other.Id, me.Id);
        await Db.ExecuteAsync("UPDATE conversation_participants SET is_active = false, left_at = now() WHERE conversation_id = $1 AND user_id = $2", groupId, me.Id);

        var response = await me.PinAsync(groupId, pinned: true);

        await response.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    private static async Task<HttpResponseMessage> SendAsync(TestUser user, HttpMethod method, int conversationId, string action, string? body)
    {
        var path = action.Length == 0 ? $"/api/chat/conversations/{conversationId}" : $"/api/chat/conversations/{conversationId}/{action}";
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await user.Http.SendAsync(request);
    }
}
