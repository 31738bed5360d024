using Astegni.Chat.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Astegni.Chat.Browser.Tests.ScaleOut;

/// <summary>
/// Issue 9: two people whose pages are served by different instances of the service (one database, one
/// Redis), each behind a load balancer: what one does reaches the other's page live, a call connects.
/// </summary>
[NonParallelizable]
public sealed class TwoInstanceChatTests : BrowserTest
{
    private PrivateRedis _redis = null!;
    private BrowserChatFactory _one = null!;
    private BrowserChatFactory _two = null!;
    private PrivateHaProxy _toOne = null!;
    private PrivateHaProxy _toTwo = null!;

    [OneTimeSetUp]
    public async Task StartTwoInstancesBehindProxies()
    {
        _redis = await PrivateRedis.StartAsync();
        var settings = new Dictionary<string, string> { ["Redis:Connection"] = _redis.Configuration };
        _one = new BrowserChatFactory(Db.ConnectionString, "Testing", BrowserSetup.MediaRoot, settings);
        _two = new BrowserChatFactory(Db.ConnectionString, "Testing", BrowserSetup.MediaRoot, settings);
        // Fresh instances compile the page's routes on first use: on a busy 2-core machine that alone can take
        // longer than a page's 10 s, so each is asked for the page and its readiness before any proxy starts.
        await AnswersAsync(_one.ServerAddress);
        await AnswersAsync(_two.ServerAddress);
        // Each proxy sends everything to its first instance while that is up: Abebe's page lands on one, Almaz's on two.
        _toOne = await PrivateHaProxy.StartAsync(_one.ServerAddress, _two.ServerAddress);
        _toTwo = await PrivateHaProxy.StartAsync(_two.ServerAddress, _one.ServerAddress);
        await AnswersAsync(_toOne.Address);
        await AnswersAsync(_toTwo.Address);
    }

    /// <summary>Waits (up to a minute) until the page and <c>/health/ready</c> answer 200 at <paramref name="address"/>.</summary>
    private static async Task AnswersAsync(Uri address)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        foreach (var path in new[] { "/", "/health/ready" })
        {
            while (true)
            {
                using var answer = await client.GetAsync(new Uri(address, path));
                if (answer.IsSuccessStatusCode)
                {
                    break;
                }

                if (DateTime.UtcNow > deadline)
                {
                    answer.EnsureSuccessStatusCode();
                }

                await Task.Delay(200);
            }
        }
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _toOne.DisposeAsync();
        await _toTwo.DisposeAsync();
        await _one.DisposeAsync();
        await _two.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Test]
    public async Task Messages_typing_and_a_call_cross_from_one_instance_to_the_other()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        await abebe.OpenDirectAsync(almaz);
        var abebePage = await SignInAsync(abebe, _toOne.Address);
        var almazPage = await SignInAsync(almaz, _toTwo.Address);
        await abebePage.OpenConversationAsync(almaz.Name);
        await almazPage.OpenConversationAsync(abebe.Name);

        await abebePage.SendAndSeeAsync("Selam from instance one");
        await Expect(almazPage.Message("Selam from instance one")).ToBeVisibleAsync();

        await almazPage.Composer.PressSequentiallyAsync("Selam back");
        await Expect(abebePage.TestId("typing-indicator")).ToHaveTextAsync($"{almaz.Name} is typing…");
        await almazPage.Composer.PressAsync("Enter");
        await Expect(abebePage.Message("Selam back")).ToBeVisibleAsync();

        await abebePage.TestId("start-voice-call").ClickAsync();
        await Expect(almazPage.TestId("call-panel")).ToHaveAttributeAsync("data-call-state", "incoming");
        await almazPage.TestId("answer-call").ClickAsync();
        await Expect(abebePage.TestId("call-panel")).ToHaveAttributeAsync("data-call-state", "connected", new() { Timeout = 20_000 });
        await Expect(almazPage.TestId("call-panel")).ToHaveAttributeAsync("data-call-state", "connected", new() { Timeout = 20_000 });
        await abebePage.TestId("hang-up").ClickAsync();
        await Expect(almazPage.TestId("call-panel")).ToHaveAttributeAsync("data-call-state", "ended");
    }
}
