using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Astegni.Chat.TestSupport.Media;

namespace Astegni.Chat.Api.Tests.Media;

/// <summary>POST /api/chat/media: the type comes from the bytes, never from the declared type or the name.</summary>
public sealed class UploadMediaTests : MediaTest
{
    private static IEnumerable<TestCaseData> EachAcceptedKind()
    {
        yield return new TestCaseData(SampleMedia.Png(), "image/png").SetName("Upload_APng_IsAnImagePng");
        yield return new TestCaseData(SampleMedia.Jpeg(), "image/jpeg").SetName("Upload_AJpeg_IsAnImageJpeg");
        yield return new TestCaseData(SampleMedia.Gif(), "image/gif").SetName("Upload_AGif_IsAnImageGif");
        yield return new TestCaseData(SampleMedia.WebP(), "image/webp").SetName("Upload_AWebP_IsAnImageWebp");
        yield return new TestCaseData(SampleMedia.Webm(withVideo: false), "audio/webm").SetName("Upload_AMediaRecorderVoiceNote_IsAudioWebm");
        yield return new TestCaseData(SampleMedia.Webm(withVideo: true), "video/webm").SetName("Upload_AWebmWithAVideoTrack_IsVideoWebm");
        yield return new TestCaseData(SampleMedia.OggOpus(), "audio/ogg").SetName("Upload_AnOggOpus_IsAudioOgg");
        yield return new TestCaseData(SampleMedia.Mp3(), "audio/mpeg").SetName("Upload_AnMp3_IsAudioMpeg");
        yield return new TestCaseData(SampleMedia.Wav(), "audio/wav").SetName("Upload_AWav_IsAudioWav");
        yield return new TestCaseData(SampleMedia.Mp4("M4A ", ["soun"]), "audio/mp4").SetName("Upload_AnM4a_IsAudioMp4");
        yield return new TestCaseData(SampleMedia.Mp4("isom", ["vide", "soun"]), "video/mp4").SetName("Upload_AnMp4_IsVideoMp4");
        yield return new TestCaseData(SampleMedia.Pdf(), "application/pdf").SetName("Upload_APdf_IsAPdfFile");
        yield return new TestCaseData(SampleMedia.OfficeDocument("word"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .SetName("Upload_ADocx_IsAWordDocument");
        yield return new TestCaseData(SampleMedia.Text(), "text/plain").SetName("Upload_Utf8Text_IsPlainText");
    }

    [TestCaseSource(nameof(EachAcceptedKind))]
    public async Task Upload_EachAcceptedKind_IsRecognisedFromItsBytes(byte[] bytes, string mimeType)
    {
        var me = await MediaUserAsync("Uploader");
        var filesBefore = Media.StoredFiles().Count;

        var media = await me.UploadOkAsync(bytes, "upload.bin", "application/octet-stream");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(media["mime_type"]!.GetValue<string>(), Is.EqualTo(mimeType));
            Assert.That(media["size"]!.GetValue<long>(), Is.EqualTo(bytes.Length));
            Assert.That(Media.StoredFiles(), Has.Count.EqualTo(filesBefore + 1));
        }
    }

    [Test]
    public async Task Upload_APng_AnswersWithItsIdUrlTypeSizeAndDimensions()
    {
        var me = await MediaUserAsync("Uploader");
        var png = SampleMedia.Png(width: 3, height: 2);

        var response = await me.UploadAsync(png, "whiteboard.png", "image/png");

        var media = (await response.JsonAsync(HttpStatusCode.Created))["media"]!;
        var id = media["id"]!.GetValue<int>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(id, Is.Positive);
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/api/chat/media/{id}"));
            Assert.That(media["url"]!.GetValue<string>(), Is.EqualTo($"/api/chat/media/{id}"));
            Assert.That(media["mime_type"]!.GetValue<string>(), Is.EqualTo("image/png"));
            Assert.That(media["size"]!.GetValue<long>(), Is.EqualTo(png.Length));
            Assert.That(media["width"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(media["height"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(media["file_name"]!.GetValue<string>(), Is.EqualTo("whiteboard.png"));
            Assert.That(await Db.ScalarAsync<int>("SELECT uploader_user_id FROM chat_media WHERE id = $1", id), Is.EqualTo(me.Id));
        }
    }

    [Test]
    public async Task Upload_ImagesOfEachFormat_ReportTheirWidthAndHeight()
    {
        var me = await MediaUserAsync("Uploader");

        var jpeg = await me.UploadOkAsync(SampleMedia.Jpeg(width: 640, height: 480, exifBytes: 5000));
        var gif = await me.UploadOkAsync(SampleMedia.Gif(width: 320, height: 200));
        var webp = await me.UploadOkAsync(SampleMedia.WebP(width: 1024, height: 768));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((jpeg["width"]!.GetValue<int>(), jpeg["height"]!.GetValue<int>()), Is.EqualTo((640, 480)));
            Assert.That((gif["width"]!.GetValue<int>(), gif["height"]!.GetValue<int>()), Is.EqualTo((320, 200)));
            Assert.That((webp["width"]!.GetValue<int>(), webp["height"]!.GetValue<int>()), Is.EqualTo((1024, 768)));
        }
    }

    [Test]
    public async Task Upload_AVoiceNote_ReportsItsDurationAndNoDimensions()
    {
        var me = await MediaUserAsync("Uploader");

        var media = await me.UploadOkAsync(SampleMedia.Webm(withVideo: false, blocks: 51), "voice.webm", "audio/webm;codecs=opus");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(media["mime_type"]!.GetValue<string>(), Is.EqualTo("audio/webm"));
            Assert.That(media["duration_ms"]!.GetValue<int>(), Is.EqualTo(1000), "the last block starts at 50 × 20 ms");
            Assert.That(media["width"], Is.Null);
            Assert.That(media["height"], Is.Null);
        }
    }

    [Test]
    public async Task Upload_WithALyingContentTypeAndExtension_IsTypedByItsBytes_AndNamedToFit()
    {
        var me = await MediaUserAsync("Uploader");

        var media = await me.UploadOkAsync(SampleMedia.Png(), "report.pdf", "application/pdf");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(media["mime_type"]!.GetValue<string>(), Is.EqualTo("image/png"));
            Assert.That(media["file_name"]!.GetValue<string>(), Is.EqualTo("report.pdf.png"));
        }
    }

    [Test]
    public async Task Upload_HtmlDeclaredAsAnImage_IsPlainTextAtMost()
    {
        var me = await MediaUserAsync("Uploader");
        var html = Encoding.UTF8.GetBytes("<html><script>alert(document.cookie)</script></html>");

        var media = await me.UploadOkAsync(html, "cat.png", "image/png");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(media["mime_type"]!.GetValue<string>(), Is.EqualTo("text/plain"));
            Assert.That(media["file_name"]!.GetValue<string>(), Is.EqualTo("cat.png.txt"));
        }
    }

    [Test]
    public async Task Upload_AWebmWhoseHeadShowsNoTrack_IsAudio_WhenTheKindFieldSaysSo()
    {
        var me = await MediaUserAsync("Uploader");
        var trackless = SampleMedia.Webm(withVideo: false, withTracks: false);

        var asVoice = await me.UploadOkAsync(trackless, "note.webm", "application/octet-stream", kind: "audio");
        var byDeclaredType = await me.UploadOkAsync(trackless, "note.webm", "audio/webm");
        var unsaid = await me.UploadOkAsync(trackless, "note.webm", "application/octet-stream");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(asVoice["mime_type"]!.GetValue<string>(), Is.EqualTo("audio/webm"));
            Assert.That(byDeclaredType["mime_type"]!.GetValue<string>(), Is.EqualTo("audio/webm"));
            Assert.That(unsaid["mime_type"]!.GetValue<string>(), Is.EqualTo("video/webm"));
        }
    }

    [Test]
    public async Task Upload_TheKindField_CannotOverruleWhatTheBytesSay()
    {
        var me = await MediaUserAsync("Uploader");

        var media = await me.UploadOkAsync(SampleMedia.Webm(withVideo: true), "clip.webm", "audio/webm", kind: "audio");

        Assert.That(media["mime_type"]!.GetValue<string>(), Is.EqualTo("video/webm"));
    }

    [Test]
    public async Task Upload_AFileNameWithAPath_KeepsOnlyTheName_AndStoresUnderAGeneratedKey()
    {
        var me = await MediaUserAsync("Uploader");

        var media = await me.UploadOkAsync(SampleMedia.Pdf(), "..\\..\\etc/passwd.pdf", "application/pdf");

        var id = media["id"]!.GetValue<int>();
        var key = await Db.ScalarAsync<string>("SELECT storage_key FROM chat_media WHERE id = $1", id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(media["file_name"]!.GetValue<string>(), Is.EqualTo("passwd.pdf"));
            Assert.That(key, Does.Match("^[0-9a-f]{2}/[0-9a-f]{32}$"));
            Assert.That(Media.StoredFiles().Select(Path.GetFullPath), Has.All.StartWith(Path.GetFullPath(Media.MediaRoot)));
        }
    }

    [Test]
    public async Task Upload_WithoutAFileName_HasNone()
    {
        var me = await MediaUserAsync("Uploader");

        var media = await me.UploadOkAsync(SampleMedia.Png(), fileName: null, declaredType: "image/png");

        Assert.That(media["file_name"], Is.Null);
    }

    [Test]
    public async Task Upload_AnExecutable_IsRefusedAsNotAllowed_AndLeavesNothing()
    {
        var me = await MediaUserAsync("Uploader");
        var filesBefore = Media.StoredFiles().Count;

        var response = await me.UploadAsync(SampleMedia.Executable(), "homework.pdf", "application/pdf");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "media_type_not_allowed");
        await AssertNothingStoredAsync(filesBefore);
    }

    [Test]
    public async Task Upload_AHeicPhoto_IsRefusedAsNotAllowed_NotTakenForAVideo()
    {
        var me = await MediaUserAsync("Uploader");
        var filesBefore = Media.StoredFiles().Count;

        var response = await me.UploadAsync(SampleMedia.Mp4("heic", handlers: null), "IMG_0001.HEIC", "image/heic");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "media_type_not_allowed");
        await AssertNothingStoredAsync(filesBefore);
    }

    [Test]
    public async Task Upload_AnEmptyFile_IsRefusedAsEmpty_AndLeavesNothing()
    {
        var me = await MediaUserAsync("Uploader");
        var filesBefore = Media.StoredFiles().Count;

        var response = await me.UploadAsync([], "empty.txt", "text/plain");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "media_empty");
        await AssertNothingStoredAsync(filesBefore);
    }

    [Test]
    public async Task Upload_WithoutAFileField_IsRefusedAsMissing()
    {
        var me = await MediaUserAsync("Uploader");
        var filesBefore = Media.StoredFiles().Count;
        using var form = new MultipartFormDataContent
        {
            { new StringContent("image"), "kind" },
            { new ByteArrayContent(SampleMedia.Png()), "photo", "cat.png" },
        };

        var response = await me.Http.PostAsync(new Uri("/api/chat/media", UriKind.Relative), form);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "media_missing");
        await AssertNothingStoredAsync(filesBefore);
    }

    [Test]
    public async Task Upload_NotAsMultipart_IsRefusedAsUnsupportedMediaType()
    {
        var me = await MediaUserAsync("Uploader");
        using var body = new ByteArrayContent(SampleMedia.Png());
        body.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        var response = await me.Http.PostAsync(new Uri("/api/chat/media", UriKind.Relative), body);

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await AssertNothingStoredAsync(Media.StoredFiles().Count);
    }

    [Test]
    public async Task Upload_MultipartWithoutABoundary_IsRefusedAsMalformed()
    {
        var me = await MediaUserAsync("Uploader");
        using var body = new ByteArrayContent(SampleMedia.Png());
        body.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");

        var response = await me.Http.PostAsync(new Uri("/api/chat/media", UriKind.Relative), body);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Test]
    public async Task Upload_ATruncatedMultipartBody_IsRefusedAsMalformed_AndLeavesNothing()
    {
        var me = await MediaUserAsync("Uploader");
        var filesBefore = Media.StoredFiles().Count;
        var head = "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cat.png\"\r\nContent-Type: image/png\r\n\r\n"u8.ToArray();
        using var body = new ByteArrayContent([.. head, .. SampleMedia.Png()]); // the closing boundary never comes
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");

        var response = await me.Http.PostAsync(new Uri("/api/chat/media", UriKind.Relative), body);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
        await AssertNothingStoredAsync(filesBefore);
    }

    [Test]
    public async Task Upload_AnInvalidKindField_IsRefused()
    {
        var me = await MediaUserAsync("Uploader");

        var response = await me.UploadAsync(SampleMedia.Png(), "cat.png", "image/png", kind: "sticker");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_media_kind");
        await AssertNothingStoredAsync(Media.StoredFiles().Count);
    }

    [Test]
    public async Task Upload_AnImageOverTheImageLimit_IsRefusedAsTooLarge_AndLeavesNothing()
    {
        var me = await MediaUserAsync("Uploader");
        var filesBefore = Media.StoredFiles().Count;
        var image = SampleMedia.PaddedTo(SampleMedia.Png(), SmallLimits.Image + 1);

        var response = await me.UploadAsync(image, "big.png", "image/png");

        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "media_too_large");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("image"));
        await AssertNothingStoredAsync(filesBefore);
    }

    [Test]
    public async Task Upload_AnImageAtTheImageLimit_IsAccepted()
    {
        var me = await MediaUserAsync("Uploader");

        var media = await me.UploadOkAsync(SampleMedia.PaddedTo(SampleMedia.Png(), SmallLimits.Image), "big.png", "image/png");

        Assert.That(media["size"]!.GetValue<long>(), Is.EqualTo(SmallLimits.Image));
    }

    [Test]
    public async Task Upload_AVideoOverTheImageLimit_IsAccepted_ForTheLimitIsPerKind()
    {
        var me = await MediaUserAsync("Uploader");

        var media = await me.UploadOkAsync(SampleMedia.PaddedTo(SampleMedia.Mp4("isom", ["vide"]), SmallLimits.Image * 2), "clip.mp4", "video/mp4");

        Assert.That(media["mime_type"]!.GetValue<string>(), Is.EqualTo("video/mp4"));
    }

    [Test]
    public async Task Upload_AFileOverTheLargestLimit_IsRefusedAsTooLarge_WithoutReadingItAll()
    {
        var me = await MediaUserAsync("Uploader");
        var filesBefore = Media.StoredFiles().Count;
        var pdf = SampleMedia.PaddedTo(SampleMedia.Pdf(), SmallLimits.Video + 1024);

        var response = await me.UploadAsync(pdf, "huge.pdf", "application/pdf");

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "media_too_large");
        await AssertNothingStoredAsync(filesBefore);
    }

    [Test]
    public async Task Upload_ARequestBodyBeyondWhatAnyUploadMayHold_IsRefusedAsTooLarge()
    {
        var me = await MediaUserAsync("Uploader");
        var filesBefore = Media.StoredFiles().Count;
        var pdf = SampleMedia.PaddedTo(SampleMedia.Pdf(), SmallLimits.Video * 4);

        var response = await me.UploadAsync(pdf, "huge.pdf", "application/pdf", expectContinue: true);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "media_too_large");
        await AssertNothingStoredAsync(filesBefore);
    }

    [Test]
    public async Task Upload_WithoutAToken_IsUnauthorized()
    {
        using var anonymous = new HttpClient { BaseAddress = Media.ServerAddress };
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleMedia.Png()), "file", "cat.png" } };

        var response = await anonymous.PostAsync(new Uri("/api/chat/media", UriKind.Relative), form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await AssertNothingStoredAsync(Media.StoredFiles().Count);
    }
}
