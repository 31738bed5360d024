using System.Net;
using Astegni.Chat.Application.Media;
using Astegni.Chat.TestSupport.Media;

namespace Astegni.Chat.Api.Tests.Media;

/// <summary>
/// The default limits (image 10 MB, voice 10 MB, video 50 MB, file 25 MB) on a service configured with
/// nothing else: a video beyond Kestrel's own 30 MB default still gets in, oversize is a clean 413.
/// </summary>
[NonParallelizable]
public sealed class DefaultLimitTests : ApiTest
{
    private const int Megabyte = 1024 * 1024;

    private MediaApiFactory _host = null!;

    [OneTimeSetUp]
    public void StartHostWithDefaultLimits() => _host = new MediaApiFactory(new MediaOptions());

    [OneTimeTearDown]
    public async Task StopHost() => await _host.DisposeAsync();

    private async Task<TestUser> UploaderAsync()
    {
        var id = await Db.AddUserAsync("Uploader");
        return new TestUser(id, _host.ClientFor(id));
    }

    [Test]
    public async Task Upload_AVideoLargerThanKestrelsDefaultBodyLimit_IsAccepted()
    {
        var me = await UploaderAsync();
        var video = SampleMedia.PaddedTo(SampleMedia.Mp4("isom", ["vide"]), 40L * Megabyte);

        var media = await me.UploadOkAsync(video, "lesson.mp4", "video/mp4");

        Assert.That(media["size"]!.GetValue<long>(), Is.EqualTo(video.Length));
    }

    [Test]
    public async Task Upload_AnImageJustOverTenMegabytes_IsRefusedAsTooLarge()
    {
        var me = await UploaderAsync();
        var filesBefore = _host.StoredFiles().Count;

        var response = await me.UploadAsync(SampleMedia.PaddedTo(SampleMedia.Png(), (10L * Megabyte) + 1), "scan.png", "image/png");

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "media_too_large");
        Assert.That(_host.StoredFiles(), Has.Count.EqualTo(filesBefore));
    }

    [Test]
    public async Task Upload_AFileOverTwentyFiveMegabytes_IsRefusedAsTooLarge()
    {
        var me = await UploaderAsync();

        var response = await me.UploadAsync(SampleMedia.PaddedTo(SampleMedia.Pdf(), (25L * Megabyte) + 1), "book.pdf", "application/pdf");

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "media_too_large");
    }

    [Test]
    public async Task Upload_BeyondFiftyMegabytes_IsRefusedAsTooLarge_NeverAServerError()
    {
        var me = await UploaderAsync();
        var filesBefore = _host.StoredFiles().Count;

        var film = SampleMedia.PaddedTo(SampleMedia.Mp4("isom", ["vide"]), 51L * Megabyte);

        // Refused on its declared length, before its body is read.
        var response = await me.UploadAsync(film, "film.mp4", "video/mp4", expectContinue: true);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "media_too_large");
        Assert.That(_host.StoredFiles(), Has.Count.EqualTo(filesBefore));
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_media"), Is.Zero);
    }
}
