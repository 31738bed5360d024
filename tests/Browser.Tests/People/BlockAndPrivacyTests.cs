using static Microsoft.Playwright.Assertions;

namespace Astegni.Chat.Browser.Tests.People;

public sealed class BlockAndPrivacyTests : BrowserTest
{
    [Test]
    public async Task Blocking_RefusesSending_UntilUnblocked()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        await abebe.OpenDirectAsync(almaz);
        var abebePage = await SignInAsync(abebe);
        var almazPage = await SignInAsync(almaz);
        await abebePage.OpenConversationAsync(almaz.Name);
        await almazPage.OpenConversationAsync(abebe.Name);

        await abebePage.TestId("block-toggle").ClickAsync();
        await abebePage.ConfirmAsync();
        await Expect(abebePage.TestId("blocked-banner")).ToBeVisibleAsync();
        await Expect(abebePage.TestId("block-toggle")).ToHaveTextAsync("Unblock");

        // The blocked person is told only that Abebe is unavailable, and nothing reaches him.
        await almazPage.SendAsync("Hello? Are you there?");
        await Expect(almazPage.ComposerError).ToHaveAttributeAsync("data-code", "recipient_unavailable");
        await Expect(almazPage.ComposerError).ToHaveTextAsync("This person is not available to chat.");
        await Expect(almazPage.Composer).ToHaveValueAsync("Hello? Are you there?");
        await Expect(almazPage.Message("Hello? Are you there?")).ToHaveCountAsync(0);
        // And Abebe cannot write to the person he blocked either.
        await abebePage.SendAsync("Please stop writing");
        await Expect(abebePage.ComposerError).ToHaveAttributeAsync("data-code", "you_blocked_recipient");

        // Unblock from the privacy dialog's list of blocked people.
        await abebePage.TestId("open-settings").ClickAsync();
        var blocked = abebePage.TestId("blocked-user").Filter(new() { HasText = almaz.Name });
        await blocked.GetByTestId("unblock").ClickAsync();
        await Expect(blocked).ToHaveCountAsync(0);
        await abebePage.Page.Keyboard.PressAsync("Escape");
        await Expect(abebePage.TestId("block-toggle")).ToHaveTextAsync("Block");
        await Expect(abebePage.TestId("blocked-banner")).ToBeHiddenAsync();

        await almazPage.TestId("send-button").ClickAsync();
        await Expect(almazPage.ComposerError).ToBeHiddenAsync();
        await Expect(abebePage.Message("Hello? Are you there?")).ToBeVisibleAsync();
        Assert.That(await abebePage.Message("Hello? Are you there?").CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task PrivacySetting_WhoCanMessage_IsEnforced_AndKept()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        await abebe.OpenDirectAsync(almaz);
        var abebePage = await SignInAsync(abebe);
        var almazPage = await SignInAsync(almaz);
        await abebePage.OpenConversationAsync(almaz.Name);

        await SetWhoCanMessageAsync(almazPage, "none");
        await abebePage.SendAsync("Can I ask about the homework?");
        await Expect(abebePage.ComposerError).ToHaveAttributeAsync("data-code", "recipient_not_accepting_messages");
        await Expect(abebePage.Message("Can I ask about the homework?")).ToHaveCountAsync(0);

        await almazPage.ReloadAsync();
        await almazPage.TestId("open-settings").ClickAsync();
        await Expect(almazPage.TestId("setting-who_can_message")).ToHaveValueAsync("none");
        await almazPage.Page.Keyboard.PressAsync("Escape");

        await SetWhoCanMessageAsync(almazPage, "everyone");
        await abebePage.TestId("send-button").ClickAsync();
        await Expect(abebePage.ComposerError).ToBeHiddenAsync();
        await almazPage.OpenConversationAsync(abebe.Name);
        await Expect(almazPage.Message("Can I ask about the homework?")).ToBeVisibleAsync();
    }

    private static async Task SetWhoCanMessageAsync(ChatPage page, string value)
    {
        await page.TestId("open-settings").ClickAsync();
        await Expect(page.Page.Locator("#settings-form[data-loaded='true']")).ToHaveCountAsync(1);
        await page.TestId("setting-who_can_message").SelectOptionAsync(value);
        await page.TestId("settings-save").ClickAsync();
        await Expect(page.TestId("settings-status")).ToHaveTextAsync("Saved");
        await page.Page.Keyboard.PressAsync("Escape");
        await Expect(page.TestId("settings-dialog")).ToBeHiddenAsync();
    }
}
