using static Microsoft.Playwright.Assertions;

namespace Astegni.Chat.Browser.Tests.Messaging;

public sealed class HistoryTests : BrowserTest
{
    [Test]
    public async Task History_IsThereAfterAReload_InOrder()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        var conversationId = await abebe.OpenDirectAsync(almaz);
        var abebePage = await SignInAsync(abebe);
        await abebePage.OpenConversationAsync(almaz.Name);
        await abebePage.SendAndSeeAsync("First: chapter 3");
        await abebePage.SendAndSeeAsync("Second: exercises 1 to 10");
        await almaz.SendAsync(conversationId, "Third: noted, thanks");
        await Expect(abebePage.Message("Third: noted, thanks")).ToBeVisibleAsync();

        await abebePage.ReloadAsync();

        await abebePage.ExpectOpenConversationAsync(almaz.Name);
        await Expect(abebePage.Messages).ToHaveCountAsync(3);
        Assert.That(await abebePage.MessageTextsAsync(),
            Is.EqualTo(new[] { "First: chapter 3", "Second: exercises 1 to 10", "Third: noted, thanks" }));
        await Expect(abebePage.Message("Third: noted, thanks")).ToHaveAttributeAsync("data-mine", "false");
    }

    [Test]
    public async Task ScrollingUp_LoadsOlderMessages()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        var conversationId = await abebe.OpenDirectAsync(almaz);
        for (var i = 1; i <= 45; i++)
        {
            await abebe.SendAsync(conversationId, $"Message number {i:00}");
        }

        var abebePage = await SignInAsync(abebe);
        await abebePage.OpenConversationAsync(almaz.Name);
        await Expect(abebePage.Messages).ToHaveCountAsync(30);
        await Expect(abebePage.Message("Message number 45")).ToBeInViewportAsync();

        await abebePage.TestId("message-scroller").EvaluateAsync("scroller => scroller.scrollTop = 0");

        await Expect(abebePage.Messages).ToHaveCountAsync(45);
        Assert.That((await abebePage.MessageTextsAsync())[0], Is.EqualTo("Message number 01"));
        await Expect(abebePage.TestId("load-older")).ToBeHiddenAsync();
    }
}
