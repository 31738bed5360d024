using Astegni.Chat.TestSupport;
using Microsoft.Playwright;

namespace Astegni.Chat.Browser.Tests;

/// <summary>
/// One database, one running service and one Chromium for the assembly; each test opens its own browser
/// contexts (one per person), so tests share nothing but the process.
/// </summary>
[SetUpFixture]
public sealed class BrowserSetup
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Debian's Chromium, headless, with fake camera and microphone that need no permission prompt, and
    // WebRTC allowed over loopback. Host candidates carry real addresses (no mDNS names), so two pages on
    // this machine connect without any STUN server.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream", "--allow-loopback-in-peer-connection",
        "--disable-features=WebRtcHideLocalIpsWithMdns", "--autoplay-policy=no-user-gesture-required",
    ];

    private IPlaywright? _playwright;

    public static TestDatabase Database { get; private set; } = null!;
    public static BrowserChatFactory Factory { get; private set; } = null!;
    public static IBrowser Browser { get; private set; } = null!;
    public static string MediaRoot { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"{ChromiumPath} is missing: build/test installs Debian's chromium (apt-get install chromium).");
        }

        MediaRoot = Directory.CreateTempSubdirectory("astegni-chat-browser-media-").FullName;
        Database = await TestDatabase.CreateAsync("chat_browser_tests");
        Factory = new BrowserChatFactory(Database.ConnectionString, "Testing", MediaRoot);
        _ = Factory.ServerAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (MediaRoot is not null)
        {
            Directory.Delete(MediaRoot, recursive: true);
        }
    }
}
