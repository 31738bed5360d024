using static Microsoft.Playwright.Assertions;

namespace Astegni.Chat.Browser.Tests.Messaging;

/// <summary>Two people, two browser contexts: what one does reaches the other live, without a reload.</summary>
public sealed class LiveMessagingTests : BrowserTest
{
    [Test]
    public async Task SentText_ArrivesLiveInTheOtherContext_WithoutAReload()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        var conversationId = await abebe.OpenDirectAsync(almaz);
        await abebe.SendAsync(conversationId, "Selam Almaz");
        var abebePage = await SignInAsync(abebe);
        var almazPage = await SignInAsync(almaz);
        await abebePage.OpenConversationAsync(almaz.Name);
        await almazPage.MarkDocumentAsync();
        var chatInAlmazList = almazPage.Conversation(abebe.Name);
        await Expect(chatInAlmazList.GetByTestId("unread-badge")).ToHaveTextAsync("1");

        await abebePage.SendAndSeeAsync("Are we still on for the math session on Saturday?");

        await Expect(chatInAlmazList.GetByTestId("unread-badge")).ToHaveTextAsync("2");
        await Expect(chatInAlmazList.GetByTestId("conversation-preview")).ToHaveTextAsync("Are we still on for the math session on Saturday?");
        await almazPage.OpenConversationAsync(abebe.Name);
        await Expect(almazPage.Message("Are we still on for the math session on Saturday?")).ToBeVisibleAsync();
        await Expect(chatInAlmazList.GetByTestId("unread-badge")).ToHaveCountAsync(0);
        await almazPage.ExpectSameDocumentAsync();
    }

    [Test]
    public async Task OpeningAChat_MarksItRead_AndTheSenderSeesTheReadState()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        await abebe.OpenDirectAsync(almaz);
        var abebePage = await SignInAsync(abebe);
        var almazPage = await SignInAsync(almaz);
        await abebePage.OpenConversationAsync(almaz.Name);
        await abebePage.SendAndSeeAsync("Did you finish the exercises?");
        var readState = abebePage.Message("Did you finish the exercises?").GetByTestId("read-state");
        await Expect(readState).ToHaveAttributeAsync("data-read", "false");

        await almazPage.OpenConversationAsync(abebe.Name);

        await Expect(readState).ToHaveAttributeAsync("data-read", "true");
    }

    [Test]
    public async Task Typing_ShowsTheIndicatorToTheOtherPerson_UntilTheMessageArrives()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        await abebe.OpenDirectAsync(almaz);
        var abebePage = await SignInAsync(abebe);
        var almazPage = await SignInAsync(almaz);
        await abebePage.OpenConversationAsync(almaz.Name);
        await almazPage.OpenConversationAsync(abebe.Name);

        await almazPage.Composer.PressSequentiallyAsync("Yes, all of them");

        await Expect(abebePage.TestId("typing-indicator")).ToHaveTextAsync($"{almaz.Name} is typing…");
        await almazPage.Composer.PressAsync("Enter");
        await Expect(abebePage.Message("Yes, all of them")).ToBeVisibleAsync();
        await Expect(abebePage.TestId("typing-indicator")).ToBeHiddenAsync();
    }
}
