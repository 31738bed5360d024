using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Astegni.Chat.Browser.Tests.Media;

/// <summary>Attachments and voice notes from one browser context, opened and played in the other.</summary>
public sealed class MediaTests : BrowserTest
{
    // A tiny but real PDF head: the service decides the type from the bytes, not from the name.
    private static readonly byte[] LessonPlan = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>Images and players load the media object's signed_url directly, with no blob in between.</summary>
    private static readonly System.Text.RegularExpressions.Regex SignedLink = new(@"^/api/chat/media/\d+/signed\?expires=\d+&signature=");

    [Test]
    public async Task AnImageAndAFile_SentFromOneContext_OpenInTheOther()
    {
        var (abebePage, almazPage) = await TwoPeopleInAChatAsync();
        var photo = await PngDrawnByThePageAsync(abebePage.Page, width: 64, height: 48);

        await abebePage.TestId("attach-input").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "whiteboard.png", MimeType = "image/png", Buffer = photo },
            new FilePayload { Name = "lesson-plan.pdf", MimeType = "application/pdf", Buffer = LessonPlan },
        });

        // The image arrives live and its bytes decode as the picture that was sent.
        var image = almazPage.Messages.GetByTestId("message-image");
        await Expect(image).ToBeVisibleAsync();
        await Expect(image).ToHaveJSPropertyAsync("naturalWidth", 64);
        await Expect(image).ToHaveJSPropertyAsync("naturalHeight", 48);
        await Expect(image).ToHaveAttributeAsync("src", SignedLink);
        await image.ClickAsync();
        await Expect(almazPage.TestId("media-viewer")).ToBeVisibleAsync();
        await almazPage.Page.Keyboard.PressAsync("Escape");

        // The file opens as a download of exactly the bytes sent, under its name.
        var file = almazPage.Messages.GetByTestId("message-file");
        await Expect(file).ToContainTextAsync("lesson-plan.pdf");
        var download = await almazPage.Page.RunAndWaitForDownloadAsync(() => file.ClickAsync());
        Assert.That(download.SuggestedFilename, Is.EqualTo("lesson-plan.pdf"));
        Assert.That(await File.ReadAllBytesAsync((await download.PathAsync())!), Is.EqualTo(LessonPlan));

        // After a reload both are still there, in the sender's history too.
        await abebePage.ReloadAsync();
        await Expect(abebePage.Messages.GetByTestId("message-image")).ToHaveJSPropertyAsync("naturalWidth", 64);
        await Expect(abebePage.Messages.GetByTestId("message-file")).ToContainTextAsync("lesson-plan.pdf");
    }

    [Test]
    public async Task AVoiceNote_RecordedInOneContext_PlaysInTheOther()
    {
        var (abebePage, almazPage) = await TwoPeopleInAChatAsync();

        // Chromium's fake microphone gives a tone; MediaRecorder records it as Opus in WebM.
        await abebePage.TestId("record-voice").ClickAsync();
        await Expect(abebePage.TestId("recording-indicator")).ToBeVisibleAsync();
        await abebePage.Page.WaitForTimeoutAsync(1500);
        await abebePage.TestId("record-voice").ClickAsync();
        await Expect(abebePage.TestId("recording-indicator")).ToBeHiddenAsync();

        var voiceNote = almazPage.Messages.GetByTestId("message-audio");
        await Expect(voiceNote).ToHaveCountAsync(1);
        await Expect(voiceNote).ToHaveAttributeAsync("src", SignedLink);
        await voiceNote.EvaluateAsync("audio => audio.play()");
        await almazPage.Page.WaitForFunctionAsync(
            "() => { const a = document.querySelector('[data-testid=\"message-audio\"]'); return a.currentTime > 0.3 && !a.error; }");
    }

    [Test]
    public async Task AnImageWhoseSignedLinkNoLongerLoads_IsShownFromTheBearerDownload()
    {
        var (abebePage, almazPage) = await TwoPeopleInAChatAsync();
        // As when the page stayed open past the link's expiry.
        await almazPage.Page.RouteAsync("**/api/chat/media/*/signed?*", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 410,
            ContentType = "application/problem+json",
            Body = """{"status":410,"code":"media_link_expired"}""",
        }));
        var photo = await PngDrawnByThePageAsync(abebePage.Page, width: 40, height: 30);

        await abebePage.TestId("attach-input").SetInputFilesAsync(new FilePayload { Name = "board.png", MimeType = "image/png", Buffer = photo });

        var image = almazPage.Messages.GetByTestId("message-image");
        await Expect(image).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        await Expect(image).ToHaveJSPropertyAsync("naturalWidth", 40);
    }

    private async Task<(ChatPage Abebe, ChatPage Almaz)> TwoPeopleInAChatAsync()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        await abebe.OpenDirectAsync(almaz);
        var abebePage = await SignInAsync(abebe);
        var almazPage = await SignInAsync(almaz);
        await abebePage.OpenConversationAsync(almaz.Name);
        await almazPage.OpenConversationAsync(abebe.Name);
        return (abebePage, almazPage);
    }

    /// <summary>A real PNG of the given size, drawn by the browser's canvas.</summary>
    private static async Task<byte[]> PngDrawnByThePageAsync(IPage page, int width, int height)
    {
        var dataUrl = await page.EvaluateAsync<string>(
            """
            ([width, height]) => {
              const canvas = document.createElement('canvas');
              canvas.width = width;
              canvas.height = height;
              const context = canvas.getContext('2d');
              context.fillStyle = '#0f766e';
              context.fillRect(0, 0, width, height);
              context.fillStyle = '#fbbf24';
              context.fillRect(width / 4, height / 4, width / 2, height / 2);
              return canvas.toDataURL('image/png');
            }
            """,
            new[] { width, height });
        return Convert.FromBase64String(dataUrl[(dataUrl.IndexOf(',', StringComparison.Ordinal) + 1)..]);
    }
}
