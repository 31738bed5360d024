using static Microsoft.Playwright.Assertions;

namespace Astegni.Chat.Browser.Tests.Calls;

/// <summary>
/// A video call between two browser contexts: ringing over the hub, WebRTC media between the two pages
/// (Chromium's fake camera and microphone; loopback host candidates, no STUN or TURN server), hang-up, and
/// the one call-log row it leaves.
/// </summary>
public sealed class CallTests : BrowserTest
{
    [Test]
    public async Task AVideoCall_ConnectsBothPeers_AndHangingUpLeavesOneCallLogEntry()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        await abebe.OpenDirectAsync(almaz);
        var abebePage = await SignInAsync(abebe);
        var almazPage = await SignInAsync(almaz);
        await abebePage.OpenConversationAsync(almaz.Name);
        var abebeCall = abebePage.TestId("call-panel");
        var almazCall = almazPage.TestId("call-panel");

        await abebePage.TestId("start-video-call").ClickAsync();

        await Expect(abebeCall).ToHaveAttributeAsync("data-call-state", "ringing");
        await Expect(almazCall).ToHaveAttributeAsync("data-call-state", "incoming");
        await Expect(almazCall).ToContainTextAsync(abebe.Name);
        await almazPage.TestId("answer-call").ClickAsync();

        await Expect(abebeCall).ToHaveAttributeAsync("data-call-state", "connected", new() { Timeout = 20_000 });
        await Expect(almazCall).ToHaveAttributeAsync("data-call-state", "connected", new() { Timeout = 20_000 });
        // Each side shows the other's camera: frames arrive over the peer connection.
        await Expect(abebePage.TestId("remote-video")).ToHaveJSPropertyAsync("readyState", 4, new() { Timeout = 20_000 });
        await Expect(almazPage.TestId("remote-video")).ToHaveJSPropertyAsync("readyState", 4, new() { Timeout = 20_000 });

        await abebePage.TestId("hang-up").ClickAsync();

        await Expect(abebeCall).ToHaveAttributeAsync("data-call-state", "ended");
        await Expect(almazCall).ToHaveAttributeAsync("data-call-state", "ended");
        await abebePage.TestId("thread-calls").ClickAsync();
        var entries = abebePage.TestId("call-log").GetByTestId("call-log-entry");
        await Expect(abebePage.Page.Locator("#call-log[data-loaded='true']")).ToHaveCountAsync(1);
        await Expect(entries).ToHaveCountAsync(1);
        await Expect(entries).ToHaveAttributeAsync("data-status", "ended");
        await Expect(entries).ToHaveAttributeAsync("data-call-type", "video");
    }

    [Test]
    public async Task DecliningAVoiceCall_EndsItOnBothSides()
    {
        var abebe = await PersonAsync("Abebe", "Kebede");
        var almaz = await PersonAsync("Almaz", "Tesfaye");
        await abebe.OpenDirectAsync(almaz);
        var abebePage = await SignInAsync(abebe);
        var almazPage = await SignInAsync(almaz);
        await abebePage.OpenConversationAsync(almaz.Name);

        await abebePage.TestId("start-voice-call").ClickAsync();
        await Expect(almazPage.TestId("call-panel")).ToHaveAttributeAsync("data-call-state", "incoming");
        await almazPage.TestId("decline-call").ClickAsync();

        await Expect(abebePage.TestId("call-panel")).ToHaveAttributeAsync("data-call-state", "ended");
        await Expect(abebePage.TestId("call-status")).ToHaveTextAsync("Call declined");
        await Expect(almazPage.TestId("call-panel")).ToHaveAttributeAsync("data-call-state", "ended");
    }
}
