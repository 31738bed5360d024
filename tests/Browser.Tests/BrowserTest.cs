using Astegni.Chat.TestSupport;
using Microsoft.Playwright;

namespace Astegni.Chat.Browser.Tests;

/// <summary>
/// A browser test: the database emptied before it, one browser context per person signed in, and a
/// screenshot of the first person's page saved (and attached to the result) after it, pass or fail.
/// </summary>
public abstract class BrowserTest
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _pageErrors = [];
    private IPage? _firstPage;

    protected static TestDatabase Db => BrowserSetup.Database;
    protected static BrowserChatFactory Factory => BrowserSetup.Factory;

    [SetUp]
    public Task ResetDatabase() => Db.ResetAsync();

    [TearDown]
    public async Task SaveScreenshotAndCloseTheContexts()
    {
        try
        {
            if (_firstPage is not null)
            {
                await SaveScreenshotAsync(_firstPage);
            }
        }
        finally
        {
            foreach (var context in _contexts)
            {
                await context.CloseAsync();
            }

            _contexts.Clear();
            _firstPage = null;
        }

        // A script error is a bug of the page even when the flow happened to work.
        Assert.That(_pageErrors, Is.Empty, "errors thrown by the page's scripts");
    }

    /// <summary>A user in Astegni's users table with a REST client of their own.</summary>
    protected static async Task<Person> PersonAsync(string firstName, string lastName)
    {
        var id = await Db.AddUserAsync(firstName, lastName);
        return new Person(id, $"{firstName} {lastName}", Factory.ClientFor(id));
    }

    /// <summary>Opens the page in a new browser context and signs in with the person's token (pasted, as outside Development).</summary>
    protected async Task<ChatPage> SignInAsync(Person person, Uri? server = null)
    {
        var page = await NewPageAsync(server ?? Factory.ServerAddress);
        var chat = new ChatPage(page, person);
        await chat.SignInWithTokenAsync(BrowserChatFactory.TokenFor(person.Id));
        return chat;
    }

    /// <summary>A blank page in a context of its own (cookies, storage and media devices apart from any other).</summary>
    protected async Task<IPage> NewPageAsync(Uri server)
    {
        var context = await BrowserSetup.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.ToString(),
            ViewportSize = new ViewportSize { Width = 1100, Height = 720 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(10_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => _pageErrors.Add(error);
        _firstPage ??= page;
        return page;
    }

    private static async Task SaveScreenshotAsync(IPage page)
    {
        var test = TestContext.CurrentContext.Test;
        var name = string.Concat(test.Name.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' ? c : '_'));
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", $"{test.ClassName?.Split('.').Last()}.{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        TestContext.AddTestAttachment(path, "the conversation view at the end of the test");
    }
}

public sealed record Person(int Id, string Name, HttpClient Http);
