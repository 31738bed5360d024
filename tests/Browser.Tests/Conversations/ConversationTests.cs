using static Microsoft.Playwright.Assertions;

namespace Astegni.Chat.Browser.Tests.Conversations;

public sealed class ConversationTests : BrowserTest
{
    [Test]
    public async Task StartingAChat_FromContacts_OpensIt_AndTheOtherPersonSeesItArrive()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        var hana = await PersonAsync("Hana", "Alemu");
        await Db.ConnectAsync(abebe.Id, almaz.Id);
        await Db.ConnectAsync(hana.Id, abebe.Id);
        var abebePage = await SignInAsync(abebe);
        var almazPage = await SignInAsync(almaz);
        await Expect(abebePage.TestId("conversation-empty")).ToBeVisibleAsync();

        await abebePage.TestId("open-contacts").ClickAsync();
        await Expect(abebePage.TestId("contact")).ToHaveCountAsync(2);
        await abebePage.TestId("contact").Filter(new() { HasText = almaz.Name }).ClickAsync();
        await abebePage.ExpectOpenConversationAsync(almaz.Name);
        await abebePage.SendAndSeeAsync("Hello Almaz, this is your new maths tutor");

        await Expect(abebePage.Conversation(almaz.Name)).ToBeVisibleAsync();
        await Expect(almazPage.Conversation(abebe.Name).GetByTestId("unread-badge")).ToHaveTextAsync("1");
        await almazPage.OpenConversationAsync(abebe.Name);
        await Expect(almazPage.Message("Hello Almaz, this is your new maths tutor")).ToBeVisibleAsync();
    }

    [Test]
    public async Task SearchingConversations_ByName_ShowsOnlyTheMatches()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        var dawit = await PersonAsync("Dawit", "Girma");
        await abebe.SendAsync(await abebe.OpenDirectAsync(almaz), "About Saturday");
        await abebe.SendAsync(await abebe.OpenDirectAsync(dawit), "About your son's progress");
        var abebePage = await SignInAsync(abebe);
        await Expect(abebePage.Conversations).ToHaveCountAsync(2);

        await abebePage.TestId("conversation-search").FillAsync("alm");

        await Expect(abebePage.Conversations).ToHaveCountAsync(1);
        await Expect(abebePage.Conversation(almaz.Name)).ToBeVisibleAsync();

        await abebePage.TestId("conversation-search").FillAsync("nobody like this");
        await Expect(abebePage.Conversations).ToHaveCountAsync(0);
        await Expect(abebePage.TestId("conversation-empty")).ToContainTextAsync("nobody like this");

        await abebePage.TestId("conversation-search").FillAsync(string.Empty);
        await Expect(abebePage.Conversations).ToHaveCountAsync(2);
    }

    [Test]
    public async Task DeletingAConversation_HidesItForMeOnly()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        var conversationId = await abebe.OpenDirectAsync(almaz);
        await almaz.SendAsync(conversationId, "See you on Saturday");
        var abebePage = await SignInAsync(abebe);
        var almazPage = await SignInAsync(almaz);
        await abebePage.OpenConversationAsync(almaz.Name);

        await abebePage.TestId("delete-conversation").ClickAsync();
        await abebePage.ConfirmAsync();

        await Expect(abebePage.Conversation(almaz.Name)).ToHaveCountAsync(0);
        await Expect(abebePage.TestId("thread-view")).ToBeHiddenAsync();
        await abebePage.ReloadAsync();
        await Expect(abebePage.Conversation(almaz.Name)).ToHaveCountAsync(0);

        await almazPage.ReloadAsync();
        await almazPage.OpenConversationAsync(abebe.Name);
        await Expect(almazPage.Message("See you on Saturday")).ToBeVisibleAsync();
    }
}
