using System.Net;

namespace Astegni.Chat.Api.Tests.Http;

public sealed class ServiceEndpointsTests : ApiTest
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task HealthEndpoints_AnswerWithoutToken(string path)
    {
        var response = await Factory.AnonymousClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task OpenApiDocument_DescribesTheChatRoutes()
    {
        var response = await Factory.AnonymousClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(document, Does.Contain("/api/chat/messages").And.Contain("/api/chat/conversations").And.Contain("/api/chat/settings"));
        Assert.That(document, Does.Contain("\"client_message_id\"").And.Contain("\"next_cursor\"").And.Contain("\"who_can_message\""),
            "response and request schemas in the contract's snake_case");
    }

    [Test]
    public async Task UnknownRoute_IsNotFoundProblem()
    {
        var me = await UserAsync("Me");

        var response = await me.Http.GetAsync(new Uri("/api/chat/nothing-here", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
