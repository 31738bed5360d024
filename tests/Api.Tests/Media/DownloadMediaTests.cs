using System.Net;
using System.Net.Http.Headers;
using Astegni.Chat.TestSupport.Media;

namespace Astegni.Chat.Api.Tests.Media;

/// <summary>GET /api/chat/media/{id}: for the uploader, and for whoever can see a message carrying it.</summary>
public sealed class DownloadMediaTests : MediaTest
{
    [Test]
    public async Task Download_ByTheUploaderBeforeSending_ReturnsTheBytesInline()
    {
        var me = await MediaUserAsync("Uploader");
        var png = SampleMedia.Png(5, 4);
        var mediaId = await me.UploadIdAsync(png, "board.png");

        var response = await me.DownloadAsync(mediaId);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(png));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("inline"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileName, Is.EqualTo("board.png"));
            Assert.That(response.Headers.AcceptRanges, Does.Contain("bytes"));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Does.Contain("nosniff"));
            Assert.That(response.Headers.CacheControl?.Private, Is.True, "images may be cached, privately");
            Assert.That(response.Headers.CacheControl?.MaxAge, Is.GreaterThan(TimeSpan.Zero));
        }
    }

    [Test]
    public async Task Download_AFile_IsAnAttachmentUnderItsSafeName()
    {
        var me = await MediaUserAsync("Uploader");
        var mediaId = await me.UploadIdAsync(SampleMedia.Pdf(), "Ye Timhirt Ekid — ሰኞ.pdf");

        var response = await me.DownloadAsync(mediaId);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var disposition = response.Content.Headers.ContentDisposition!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(disposition.DispositionType, Is.EqualTo("attachment"));
            Assert.That(Uri.UnescapeDataString(disposition.FileNameStar!), Is.EqualTo("Ye Timhirt Ekid — ሰኞ.pdf"));
            Assert.That(response.Headers.CacheControl?.NoCache, Is.True);
        }
    }

    [Test]
    public async Task Download_PlainText_SaysItsEncoding()
    {
        var me = await MediaUserAsync("Uploader");
        var mediaId = await me.UploadIdAsync(SampleMedia.Text(), "notes.txt");

        var response = await me.DownloadAsync(mediaId);

        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
    }

    [Test]
    public async Task Download_WithoutAFileName_UsesOneMadeFromItsKindAndId()
    {
        var me = await MediaUserAsync("Uploader");
        var mediaId = (await me.UploadOkAsync(SampleMedia.Webm(withVideo: false), fileName: null, "audio/webm"))["id"]!.GetValue<int>();

        var response = await me.DownloadAsync(mediaId);

        Assert.That(response.Content.Headers.ContentDisposition?.FileName, Is.EqualTo($"audio-{mediaId}.webm"));
    }

    [Test]
    public async Task Download_ARange_Returns206WithExactlyThatSlice()
    {
        var me = await MediaUserAsync("Uploader");
        var voice = SampleMedia.Webm(withVideo: false, blocks: 200);
        var mediaId = await me.UploadIdAsync(voice, "voice.webm");

        var response = await me.DownloadAsync(mediaId, new RangeHeaderValue(100, 199));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(voice[100..200]));
            Assert.That(response.Content.Headers.ContentRange?.From, Is.EqualTo(100));
            Assert.That(response.Content.Headers.ContentRange?.To, Is.EqualTo(199));
            Assert.That(response.Content.Headers.ContentRange?.Length, Is.EqualTo(voice.Length));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("audio/webm"));
        }
    }

    [Test]
    public async Task Download_TheLastBytes_ForSeekingToTheEnd()
    {
        var me = await MediaUserAsync("Uploader");
        var voice = SampleMedia.Webm(withVideo: false, blocks: 100);
        var mediaId = await me.UploadIdAsync(voice, "voice.webm");

        var response = await me.DownloadAsync(mediaId, new RangeHeaderValue(null, 16));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(voice[^16..]));
    }

    [Test]
    public async Task Download_ARangeBeyondTheEnd_IsNotSatisfiable()
    {
        var me = await MediaUserAsync("Uploader");
        var png = SampleMedia.Png();
        var mediaId = await me.UploadIdAsync(png, "cat.png");

        var response = await me.DownloadAsync(mediaId, new RangeHeaderValue(png.Length + 10, png.Length + 20));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestedRangeNotSatisfiable));
    }

    [Test]
    public async Task Download_ByAnOutsider_IsNotFound_LikeAnItemThatDoesNotExist()
    {
        var me = await MediaUserAsync("Uploader");
        var outsider = await MediaUserAsync("Outsider");
        var mediaId = await me.UploadIdAsync(SampleMedia.Png(), "private.png");

        var theirs = await outsider.DownloadAsync(mediaId);
        var none = await outsider.DownloadAsync(mediaId + 1000);

        var problem = await theirs.ProblemAsync(HttpStatusCode.NotFound, "media_not_found");
        var missing = await none.ProblemAsync(HttpStatusCode.NotFound, "media_not_found");
        Assert.That(problem["detail"]!.GetValue<string>(), Is.EqualTo(missing["detail"]!.GetValue<string>()));
    }

    [Test]
    public async Task Download_ByTheOtherMemberBeforeItIsSent_IsNotFound()
    {
        var me = await MediaUserAsync("Uploader");
        var friend = await MediaUserAsync("Friend");
        await me.OpenDirectIdAsync(friend.Id);
        var mediaId = await me.UploadIdAsync(SampleMedia.Png(), "not-yet.png");

        var response = await friend.DownloadAsync(mediaId);

        await response.ProblemAsync(HttpStatusCode.NotFound, "media_not_found");
    }

    [Test]
    public async Task Download_OfANonPositiveId_IsRefusedAsInvalid()
    {
        var me = await MediaUserAsync("Uploader");

        var response = await me.DownloadAsync(0);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_media_id");
    }

    [Test]
    public async Task Download_WhenTheStoredFileIsGone_IsNotFound_NeverAnError()
    {
        var me = await MediaUserAsync("Uploader");
        var mediaId = await me.UploadIdAsync(SampleMedia.Png(), "gone.png");
        var key = await Db.ScalarAsync<string>("SELECT storage_key FROM chat_media WHERE id = $1", mediaId);
        File.Delete(Path.Combine(Media.MediaRoot, key));

        var response = await me.DownloadAsync(mediaId);

        await response.ProblemAsync(HttpStatusCode.NotFound, "media_not_found");
    }
}
