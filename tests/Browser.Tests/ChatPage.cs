using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Astegni.Chat.Browser.Tests;

/// <summary>The web chat page as one person sees it, in words of what they do (stable data-testid hooks).</summary>
public sealed class ChatPage(IPage page, Person? person)
{
    public IPage Page => page;
    public Person Person => person ?? throw new InvalidOperationException("This page has nobody signed in.");

    public ILocator TestId(string testId) => page.GetByTestId(testId);

    public ILocator Conversations => TestId("conversation-item");

    public ILocator Conversation(string name) =>
        Conversations.Filter(new LocatorFilterOptions { Has = page.GetByTestId("conversation-name").GetByText(name, new LocatorGetByTextOptions { Exact = true }) });

    public ILocator Messages => TestId("message-list").GetByTestId("message");

    /// <summary>The message whose own text contains <paramref name="text"/> (not one that quotes it in a reply).</summary>
    public ILocator Message(string text) =>
        Messages.Filter(new LocatorFilterOptions { Has = page.GetByTestId("message-text").Filter(new LocatorFilterOptions { HasText = text }) });

    public ILocator Composer => TestId("composer-input");

    public ILocator ComposerError => TestId("composer-error");

    public async Task SignInWithTokenAsync(string token)
    {
        await page.GotoAsync("/");
        await TestId("token-input").FillAsync(token);
        await TestId("token-submit").ClickAsync();
        await ExpectReadyAsync();
    }

    /// <summary>Signed in, the conversation list loaded and (after a reload) the open chat restored.</summary>
    public Task ExpectReadyAsync() => Expect(page.Locator("body[data-ready='true']")).ToHaveCountAsync(1);

    public async Task ReloadAsync()
    {
        await page.ReloadAsync();
        await ExpectReadyAsync();
    }

    public async Task OpenConversationAsync(string name)
    {
        await Conversation(name).ClickAsync();
        await ExpectOpenConversationAsync(name);
    }

    public async Task ExpectOpenConversationAsync(string name)
    {
        await Expect(TestId("thread-name")).ToHaveTextAsync(name);
        await Expect(page.Locator("#thread-view")).ToHaveAttributeAsync("data-conversation-id", new System.Text.RegularExpressions.Regex(@"^\d+$"));
    }

    public async Task StartChatFromContactsAsync(string name)
    {
        await TestId("open-contacts").ClickAsync();
        await TestId("contact").Filter(new LocatorFilterOptions { HasText = name }).ClickAsync();
        await ExpectOpenConversationAsync(name);
    }

    public async Task SendAsync(string text)
    {
        await Composer.FillAsync(text);
        await TestId("send-button").ClickAsync();
    }

    /// <summary>Sends and waits until the server has it: the bubble shows the sent tick, no longer the pending clock.</summary>
    public async Task SendAndSeeAsync(string text)
    {
        await SendAsync(text);
        await Expect(Message(text).GetByTestId("read-state")).ToBeVisibleAsync();
        await Expect(Composer).ToHaveValueAsync(string.Empty);
    }

    /// <summary>Opens a message's action menu and returns it (reply, react, edit, delete).</summary>
    public async Task<ILocator> MessageActionsAsync(string text)
    {
        var message = Message(text);
        await message.GetByTestId("message-menu").ClickAsync();
        var actions = message.GetByTestId("message-actions");
        await Expect(actions).ToBeVisibleAsync();
        return actions;
    }

    public Task ConfirmAsync() => TestId("confirm-ok").ClickAsync();

    /// <summary>Marks the current document; <see cref="ExpectSameDocumentAsync"/> then proves there was no reload.</summary>
    public Task MarkDocumentAsync() => page.EvaluateAsync("() => { window.__sameDocument = true; }");

    public async Task ExpectSameDocumentAsync() =>
        Assert.That(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), Is.True, "the page was not reloaded");

    public async Task<IReadOnlyList<string>> MessageTextsAsync() =>
        await Messages.GetByTestId("message-text").AllTextContentsAsync();
}
