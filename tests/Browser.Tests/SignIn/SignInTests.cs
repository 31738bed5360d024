using System.Net;
using Astegni.Chat.Infrastructure.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Astegni.Chat.Browser.Tests.SignIn;

/// <summary>Development lists the demo users to pick from; every other environment only takes a pasted token.</summary>
public sealed class SignInTests : BrowserTest
{
    [Test]
    public async Task InDevelopment_ThePageLetsYouPickADemoUser()
    {
        await using (var db = Db.NewContext())
        {
            await DemoData.SeedAsync(db);
        }

        await using var development = new BrowserChatFactory(Db.ConnectionString, "Development", BrowserSetup.MediaRoot);
        var page = new ChatPage(await NewPageAsync(development.ServerAddress), null);
        await page.Page.GotoAsync("/");

        await Expect(page.TestId("demo-user")).ToHaveCountAsync(4);
        await page.TestId("demo-user").Filter(new() { HasText = "Almaz Tesfaye" }).ClickAsync();

        await page.ExpectReadyAsync();
        await Expect(page.TestId("me-name")).ToHaveTextAsync("Almaz Tesfaye");
        await page.TestId("open-contacts").ClickAsync();
        await Expect(page.TestId("contact")).ToHaveCountAsync(2); // Abebe and Hana, as the demo data connects them
    }

    [TestCase("Testing")]
    [TestCase("Production")]
    public async Task OutsideDevelopment_ThereAreNoDemoTokens_AndThePageAsksForAToken(string environment)
    {
        await using (var db = Db.NewContext())
        {
            await DemoData.SeedAsync(db);
        }

        await using var other = environment == "Testing" ? null : new BrowserChatFactory(Db.ConnectionString, environment, BrowserSetup.MediaRoot);
        var server = other?.ServerAddress ?? Factory.ServerAddress;
        using var anonymous = new HttpClient { BaseAddress = server };

        var response = await anonymous.GetAsync(new Uri("/api/dev/tokens", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var page = new ChatPage(await NewPageAsync(server), null);
        await page.Page.GotoAsync("/");
        await Expect(page.TestId("token-form")).ToBeVisibleAsync();
        await Expect(page.TestId("demo-users")).ToBeHiddenAsync();
    }

    [Test]
    public async Task APastedToken_SignsIn_AndAnInvalidOneIsRefused()
    {
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        var page = new ChatPage(await NewPageAsync(Factory.ServerAddress), almaz);
        await page.Page.GotoAsync("/");

        await page.TestId("token-input").FillAsync("not-a-token");
        await page.TestId("token-submit").ClickAsync();
        await Expect(page.TestId("signin-error")).ToBeVisibleAsync();

        await page.TestId("token-input").FillAsync(BrowserChatFactory.TokenFor(almaz.Id));
        await page.TestId("token-submit").ClickAsync();
        await page.ExpectReadyAsync();
        await Expect(page.TestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
    }
}
