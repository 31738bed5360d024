using static Microsoft.Playwright.Assertions;

namespace Astegni.Chat.Browser.Tests.Messaging;

public sealed class MessageActionTests : BrowserTest
{
    [Test]
    public async Task ReplyReactEditAndDelete_ShowLiveInTheOtherContext()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        var conversationId = await abebe.OpenDirectAsync(almaz);
        await almaz.SendAsync(conversationId, "Can we move the session to 11?");
        var abebePage = await SignInAsync(abebe);
        var almazPage = await SignInAsync(almaz);
        await abebePage.OpenConversationAsync(almaz.Name);
        await almazPage.OpenConversationAsync(abebe.Name);

        // Reply
        await (await abebePage.MessageActionsAsync("Can we move")).GetByTestId("action-reply").ClickAsync();
        await Expect(abebePage.TestId("composer-context")).ToContainTextAsync("Can we move the session to 11?");
        await abebePage.SendAndSeeAsync("Yes, 11 works");
        await Expect(almazPage.Message("Yes, 11 works").GetByTestId("reply-quote")).ToContainTextAsync("Can we move the session to 11?");

        // React
        await (await abebePage.MessageActionsAsync("Can we move")).Locator("[data-testid='react-option'][data-reaction='👍']").ClickAsync();
        var reaction = almazPage.Message("Can we move").GetByTestId("reaction");
        await Expect(reaction).ToHaveAttributeAsync("data-reaction", "👍");
        await Expect(reaction).ToHaveAttributeAsync("data-count", "1");

        // Edit
        await (await abebePage.MessageActionsAsync("Yes, 11 works")).GetByTestId("action-edit").ClickAsync();
        await abebePage.Composer.FillAsync("Yes, 11:00 works for me");
        await abebePage.TestId("send-button").ClickAsync();
        var edited = almazPage.Message("Yes, 11:00 works for me");
        await Expect(edited.GetByTestId("edited")).ToBeVisibleAsync();

        // Delete for everyone: a tombstone on both sides
        await (await abebePage.MessageActionsAsync("Yes, 11:00 works for me")).GetByTestId("action-delete-everyone").ClickAsync();
        await abebePage.ConfirmAsync();
        await Expect(almazPage.Messages.GetByTestId("message-deleted")).ToHaveCountAsync(1);
        await Expect(almazPage.Message("Yes, 11:00 works for me")).ToHaveCountAsync(0);

        // Delete for me: gone for Almaz only
        await (await almazPage.MessageActionsAsync("Can we move")).GetByTestId("action-delete-me").ClickAsync();
        await Expect(almazPage.Message("Can we move")).ToHaveCountAsync(0);
        await abebePage.ReloadAsync();
        await Expect(abebePage.Message("Can we move the session to 11?")).ToBeVisibleAsync();
    }
}
