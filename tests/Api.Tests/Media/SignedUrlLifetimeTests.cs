using System.Globalization;
using System.Net;
using Astegni.Chat.Api.Tests.Calls;
using Astegni.Chat.TestSupport.Media;

namespace Astegni.Chat.Api.Tests.Media;

/// <summary><c>Media:SignedUrlLifetime</c>, set the way an operator sets it, decides when a link stops downloading.</summary>
public sealed class SignedUrlLifetimeTests : ApiTest
{
    private ConfiguredChatApiFactory _service = null!;

    [OneTimeSetUp]
    public void StartService() => _service = new ConfiguredChatApiFactory(new Dictionary<string, string>
    {
        ["Media:SignedUrlLifetime"] = "00:00:03",
    });

    [OneTimeTearDown]
    public async Task Stop() => await _service.DisposeAsync();

    [Test]
    public async Task ALink_DownloadsUntilTheConfiguredLifetimeHasPassed_ThenIsGone()
    {
        var me = _service.User(await Db.AddUserAsync("Uploader"));
        var link = (await me.UploadOkAsync(SampleMedia.Png(), "board.png"))["signed_url"]!.GetValue<string>();
        var expires = long.Parse(link.Split("expires=")[1].Split('&')[0], CultureInfo.InvariantCulture);
        using var browser = new HttpClient { BaseAddress = _service.ServerAddress };

        var fresh = await browser.GetAsync(new Uri(link, UriKind.Relative));
        var wait = DateTimeOffset.FromUnixTimeSeconds(expires) - DateTimeOffset.UtcNow;
        Assert.That(wait, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(3)), "expires within the configured lifetime");
        await Task.Delay(TimeSpan.FromTicks(Math.Max(0, wait.Ticks)) + TimeSpan.FromMilliseconds(200));
        var stale = await browser.GetAsync(new Uri(link, UriKind.Relative));

        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await stale.ProblemAsync(HttpStatusCode.Gone, "media_link_expired");
    }
}
