using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Browser.Tests.CrossOrigin;

/// <summary>
/// Astegni deploys its frontend and this API on different hosts. A page from the listed origin calls the REST
/// API and opens the hub through the shipped client (clients/js); a page from an origin not listed can do neither.
/// </summary>
public sealed class CrossOriginTests : BrowserTest
{
    private FrontendHost _frontend = null!;

    [OneTimeSetUp]
    public async Task StartFrontend() => _frontend = await FrontendHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopFrontend() => await _frontend.DisposeAsync();

    [Test]
    public async Task PageOnTheListedOrigin_CallsTheApi_SendsAndReceivesOverTheHub()
    {
        var abebe = await PersonAsync("Abebe", "Tadesse");
        var almaz = await PersonAsync("Almaz", "Bekele");
        var conversationId = await OpenDirectAsync(almaz, abebe.Id);
        var page = await OpenFrontendAsync(FrontendHost.AllowedOrigin, abebe);

        var outcome = await OutcomeAsync(page);
        Assert.That(outcome.TryGetProperty("restError", out var restError), Is.False, restError.ToString());
        Assert.That(outcome.TryGetProperty("hubError", out var hubError), Is.False, hubError.ToString());
        Assert.That(outcome.GetProperty("conversations").GetInt32(), Is.EqualTo(1));

        var sent = await page.EvaluateAsync<JsonElement>(
            "async id => (await window.chat.sendText(id, 'Selam from the frontend host')).message", conversationId);
        var response = await almaz.Http.PostAsJsonAsync("/api/chat/messages", new JsonObject
        {
            ["conversation_id"] = conversationId,
            ["message_type"] = "text",
            ["content"] = "Selam back, live",
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await page.WaitForFunctionAsync("() => window.received.includes('Selam back, live')");

        var history = await almaz.Http.GetFromJsonAsync<JsonObject>($"/api/chat/messages/{conversationId}");
        Assert.That(history!["messages"]!.AsArray().Select(m => m!["content"]!.GetValue<string>()), Does.Contain("Selam from the frontend host"));
        Assert.That(sent.GetProperty("sender_user_id").GetInt32(), Is.EqualTo(abebe.Id), "the token's user, nobody else");
    }

    [Test]
    public async Task PageOnAnOriginNotListed_CanNeitherCallTheApiNorOpenTheHub()
    {
        var abebe = await PersonAsync("Abebe", "Tadesse");
        var page = await OpenFrontendAsync(FrontendHost.OtherOrigin, abebe);

        var outcome = await OutcomeAsync(page);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.TryGetProperty("conversations", out _), Is.False, "the browser withholds the answer");
            Assert.That(outcome.TryGetProperty("restError", out _), Is.True);
            Assert.That(outcome.TryGetProperty("hub", out _), Is.False);
            Assert.That(outcome.TryGetProperty("hubError", out _), Is.True);
        }
    }

    private async Task<Microsoft.Playwright.IPage> OpenFrontendAsync(string origin, Person person)
    {
        var page = await NewPageAsync(new Uri(origin));
        var api = Factory.ServerAddress.GetLeftPart(UriPartial.Authority);
        await page.GotoAsync($"{origin}/?api={Uri.EscapeDataString(api)}&token={BrowserChatFactory.TokenFor(person.Id)}");
        return page;
    }

    private static Task<JsonElement> OutcomeAsync(Microsoft.Playwright.IPage page) =>
        page.EvaluateAsync<JsonElement>("() => window.outcome");

    private static async Task<int> OpenDirectAsync(Person person, int otherUserId)
    {
        var response = await person.Http.PostAsJsonAsync("/api/chat/conversations", new JsonObject
        {
            ["type"] = "direct",
            ["participant_user_ids"] = new JsonArray(otherUserId),
        });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["conversation"]!["id"]!.GetValue<int>();
    }
}
