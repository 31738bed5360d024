using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Astegni.Chat.Browser.Tests.Messaging;

/// <summary>
/// The page on a network that comes and goes: what I send while offline waits as pending and arrives once,
/// a send that keeps failing ends as failed with a retry, and after the hub was closed the page shows what it missed.
/// </summary>
public sealed class FlakyNetworkTests : BrowserTest
{
    /// <summary>What browsers say when a fetch gets no answer; the page must say it in its own words.</summary>
    private static readonly string[] BrowserNetworkErrorTexts = ["Failed to fetch", "NetworkError", "Load failed", "ERR_"];

    [Test]
    public async Task MessageSentOffline_IsPending_AcrossConversations_AndDeliveredOnce_WhenTheNetworkReturns()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        var dawit = await PersonAsync("Dawit", "Haile");
        var conversationId = await abebe.OpenDirectAsync(almaz);
        await abebe.OpenDirectAsync(dawit);
        await almaz.SendAsync(conversationId, "Selam Abebe");
        var abebePage = await SignInAsync(abebe);
        var almazPage = await SignInAsync(almaz);
        await abebePage.OpenConversationAsync(almaz.Name);
        await almazPage.OpenConversationAsync(abebe.Name);
        await ExpectThreadLoadedAsync(abebePage);

        await abebePage.Page.Context.SetOfflineAsync(true);
        await abebePage.SendAsync("I am on the minibus, see you at 10");

        var bubble = abebePage.Message("I am on the minibus, see you at 10");
        await Expect(bubble).ToHaveAttributeAsync("data-state", "pending");
        await Expect(bubble.GetByTestId("send-state")).ToHaveAttributeAsync("title", "Sending…");
        await Expect(bubble.GetByTestId("send-note")).ToHaveTextAsync("No connection — will retry");
        await Expect(abebePage.Composer).ToHaveValueAsync(string.Empty);

        // Another chat and back (its history cannot load offline): the message is still there, still pending.
        await abebePage.OpenConversationAsync(dawit.Name);
        await Expect(bubble).ToHaveCountAsync(0);
        await abebePage.OpenConversationAsync(almaz.Name);
        await Expect(bubble).ToHaveAttributeAsync("data-state", "pending");
        await ExpectNoBrowserErrorTextAsync(abebePage);
        await Expect(almazPage.Message("I am on the minibus, see you at 10")).ToHaveCountAsync(0);

        await abebePage.Page.Context.SetOfflineAsync(false);

        await Expect(bubble.GetByTestId("read-state")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(bubble).ToHaveCountAsync(1);
        await Expect(abebePage.Messages.And(abebePage.Page.Locator("[data-pending]"))).ToHaveCountAsync(0);
        // The history that could not load offline is back too, in order.
        await Expect(abebePage.Messages.GetByTestId("message-text")).ToHaveTextAsync(["Selam Abebe", "I am on the minibus, see you at 10"]);
        await Expect(almazPage.Message("I am on the minibus, see you at 10")).ToHaveCountAsync(1);
        await ExpectNoBrowserErrorTextAsync(abebePage);
        Assert.That(await CountStoredAsync(abebe, conversationId, "I am on the minibus, see you at 10"), Is.EqualTo(1));
    }

    [Test]
    public async Task SendThatKeepsFailing_EndsAsFailed_AndRetryDeliversItOnce()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        var conversationId = await abebe.OpenDirectAsync(almaz);
        var abebePage = await SignInAsync(abebe);
        var almazPage = await SignInAsync(almaz);
        await abebePage.OpenConversationAsync(almaz.Name);
        await almazPage.OpenConversationAsync(abebe.Name);
        await ExpectThreadLoadedAsync(abebePage);
        var tries = 0;
        await abebePage.Page.RouteAsync(IsSend, async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }

            Interlocked.Increment(ref tries);
            await route.AbortAsync();
        });

        await abebePage.SendAsync("Can we move the lesson to Sunday?");

        var bubble = abebePage.Message("Can we move the lesson to Sunday?");
        await Expect(bubble).ToHaveAttributeAsync("data-state", "pending");
        await Expect(bubble).ToHaveAttributeAsync("data-state", "failed", new() { Timeout = 40_000 });
        await Expect(bubble.GetByTestId("send-note")).ToHaveTextAsync("Not sent. Check your connection, then retry.");
        Assert.That(tries, Is.GreaterThan(1), "the page retried by itself before it gave up");
        await ExpectNoBrowserErrorTextAsync(abebePage);
        await Expect(almazPage.Message("Can we move the lesson to Sunday?")).ToHaveCountAsync(0);

        await abebePage.Page.UnrouteAsync(IsSend);
        var retry = bubble.GetByTestId("retry-send");
        await retry.FocusAsync();
        await abebePage.Page.Keyboard.PressAsync("Enter");

        await Expect(bubble.GetByTestId("read-state")).ToBeVisibleAsync();
        await Expect(bubble).ToHaveCountAsync(1);
        await Expect(bubble.GetByTestId("send-note")).ToHaveCountAsync(0);
        await Expect(almazPage.Message("Can we move the lesson to Sunday?")).ToHaveCountAsync(1);
        Assert.That(await CountStoredAsync(abebe, conversationId, "Can we move the lesson to Sunday?"), Is.EqualTo(1));
    }

    [Test]
    public async Task SendWhoseAnswerIsLost_IsRetriedWithTheSameClientMessageId_AndStoredOnce()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        var conversationId = await abebe.OpenDirectAsync(almaz);
        var page = await NewPageAsync(Factory.ServerAddress);
        // The hub does not tell this page about its own message: only a retry of the send can.
        await page.RouteWebSocketAsync(IsHub, ws =>
        {
            var server = ws.ConnectToServer();
            server.OnMessage(frame =>
            {
                if (frame.Text is { } text && !text.Contains("message_created", StringComparison.Ordinal))
                {
                    ws.Send(text);
                }
            });
        });
        var abebePage = new ChatPage(page, abebe);
        await abebePage.SignInWithTokenAsync(BrowserChatFactory.TokenFor(abebe.Id));
        await abebePage.OpenConversationAsync(almaz.Name);
        await ExpectThreadLoadedAsync(abebePage);
        var clientIds = new List<string>();
        await page.RouteAsync(IsSend, async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }

            var first = clientIds.Count == 0;
            clientIds.Add(JsonNode.Parse(route.Request.PostData!)!["client_message_id"]!.GetValue<string>());
            if (first)
            {
                // The server takes the message, then the connection drops before its answer arrives.
                await route.FetchAsync();
                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });

        await abebePage.SendAsync("Did the payment arrive?");

        var bubble = abebePage.Message("Did the payment arrive?");
        await Expect(bubble.GetByTestId("read-state")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(bubble).ToHaveCountAsync(1);
        Assert.That(clientIds, Has.Count.EqualTo(2));
        Assert.That(clientIds[1], Is.EqualTo(clientIds[0]));
        Assert.That(await CountStoredAsync(abebe, conversationId, "Did the payment arrive?"), Is.EqualTo(1));
        await ExpectNoBrowserErrorTextAsync(abebePage);
    }

    [Test]
    public async Task HubClosedByTheServer_ThePageReconnects_AndShowsWhatWasSentMeanwhile()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        var conversationId = await abebe.OpenDirectAsync(almaz);
        await almaz.SendAsync(conversationId, "Are you coming today?");
        var page = await NewPageAsync(Factory.ServerAddress);
        IWebSocketRoute? hubToPage = null;
        var hubReachable = true;
        await page.RouteWebSocketAsync(IsHub, ws =>
        {
            if (!hubReachable)
            {
                // The page connects by WebSocket without a negotiate request: refuse the socket itself.
                _ = ws.CloseAsync();
                return;
            }

            hubToPage = ws;
            ws.ConnectToServer();
        });
        var abebePage = new ChatPage(page, abebe);
        await abebePage.SignInWithTokenAsync(BrowserChatFactory.TokenFor(abebe.Id));
        await abebePage.OpenConversationAsync(almaz.Name);
        await ExpectThreadLoadedAsync(abebePage);
        var connection = abebePage.TestId("connection-state");
        await Expect(connection).ToHaveAttributeAsync("data-state", "connected");

        // The server ends the connection with SignalR's close message, reconnect not allowed (what it does when it
        // cannot take a connection), and the hub cannot be reached for a while.
        hubReachable = false;
        hubToPage!.Send("{\"type\":7,\"error\":\"The server closed the connection.\"}\u001e");
        await Expect(connection).ToHaveAttributeAsync("data-state", "disconnected");
        await almaz.SendAsync(conversationId, "I waited at the library");
        await almaz.SendAsync(conversationId, "Call me when you see this");
        await Expect(abebePage.Message("I waited at the library")).ToHaveCountAsync(0);

        hubReachable = true;

        await Expect(connection).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 30_000 });
        await Expect(abebePage.Messages.GetByTestId("message-text"))
            .ToHaveTextAsync(["Are you coming today?", "I waited at the library", "Call me when you see this"]);
        await Expect(abebePage.Conversation(almaz.Name).GetByTestId("conversation-preview")).ToHaveTextAsync("Call me when you see this");
        // And it is live again.
        await almaz.SendAsync(conversationId, "Thanks");
        await Expect(abebePage.Message("Thanks")).ToBeVisibleAsync();
    }

    private static bool IsSend(string url) => new Uri(url).AbsolutePath == "/api/chat/messages";

    private static bool IsHub(string url) => new Uri(url).AbsolutePath == "/hubs/chat";

    /// <summary>The open chat's history has loaded: whatever happens from now on is news to the page.</summary>
    private static Task ExpectThreadLoadedAsync(ChatPage page) =>
        Expect(page.Page.Locator("#thread-view[data-loaded='true']")).ToHaveCountAsync(1);

    private static async Task ExpectNoBrowserErrorTextAsync(ChatPage page)
    {
        var text = await page.Page.Locator("body").InnerTextAsync();
        foreach (var browserText in BrowserNetworkErrorTexts)
        {
            Assert.That(text, Does.Not.Contain(browserText), "the page shows the browser's own error text");
        }
    }

    private static async Task<int> CountStoredAsync(Person person, int conversationId, string content)
    {
        var page = await person.GetAsync($"/api/chat/messages/{conversationId}?limit=100");
        return page["messages"]!.AsArray().Count(m => m!["content"]?.GetValue<string>() == content);
    }
}
