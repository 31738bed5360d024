using System.Net;
using System.Text;

namespace Astegni.Chat.Api.Tests.Http;

/// <summary>Bad input is the client's 400 with a code, never a 500 and never a glimpse of SQL or a stack.</summary>
public sealed class BadInputTests : ApiTest
{
    [TestCase("/api/chat/messages", "{\"conversation_id\": 1, \"content\": ")]
    [TestCase("/api/chat/messages", "{\"conversation_id\": \"one\", \"content\": \"hi\"}")]
    [TestCase("/api/chat/conversations", "not json at all")]
    [TestCase("/api/chat/conversations", "{\"type\": \"direct\", \"participant_user_ids\": \"7\"}")]
    [TestCase("/api/chat/block", "{\"blocked_user_id\": 99999999999999}")]
    public async Task MalformedBody_IsMalformedRequest(string path, string body)
    {
        var me = await UserAsync("Me");

        var response = await me.Http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Test]
    public async Task NonNumericQueryParameter_IsMalformedRequest()
    {
        var me = await UserAsync("Me");

        var response = await me.Http.GetAsync(new Uri("/api/chat/conversations?limit=ten", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    [TestCase("/api/chat/conversations?limit=0", "invalid_limit")]
    [TestCase("/api/chat/conversations?limit=101", "invalid_limit")]
    [TestCase("/api/chat/conversations?cursor=%27%3B%20DROP%20TABLE%20users", "invalid_cursor")]
    [TestCase("/api/chat/messages/1?before=5&after=2", "invalid_cursor")]
    public async Task OutOfRangeQuery_IsValidationProblemWithCode(string path, string code)
    {
        var me = await UserAsync("Me");

        var response = await me.Http.GetAsync(new Uri(path, UriKind.Relative));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.That(problem["errors"], Is.Not.Null);
    }
}
