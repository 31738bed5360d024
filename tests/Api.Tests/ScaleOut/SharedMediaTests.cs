using System.Net;
using System.Net.Http.Headers;
using Astegni.Chat.TestSupport;
using Astegni.Chat.TestSupport.Media;

namespace Astegni.Chat.Api.Tests.ScaleOut;

/// <summary>
/// Issue 9: two instances (one Redis) with <c>Media:Storage</c> = <c>s3</c> on one S3-compatible store (s3rver). Media
/// uploaded through one instance downloads through the other, with byte ranges, under the same access rule.
/// </summary>
[NonParallelizable]
public sealed class SharedMediaTests : TwoInstanceTest
{
    private const string Bucket = "astegni-chat-media";

    private PrivateObjectStore? _store;

    private PrivateObjectStore Store => _store ?? throw new InvalidOperationException("The object store is not started.");

    protected override async Task<IReadOnlyDictionary<string, string>> SettingsAsync()
    {
        _store = await PrivateObjectStore.StartAsync();
        return Store.MediaSettings(Bucket);
    }

    // Runs before the base class stops the instances; they do not need the store to stop.
    [OneTimeTearDown]
    public async Task StopTheStore()
    {
        if (_store is not null)
        {
            await Store.DisposeAsync();
        }
    }

    [Test]
    public async Task A_voice_note_uploaded_through_instance_one_plays_through_instance_two_whole_and_in_ranges()
    {
        var abebe = One.User(await Db.AddUserAsync("Abebe"));
        var almaz = Two.User(await Db.AddUserAsync("Almaz"));
        var conversationId = await abebe.OpenDirectIdAsync(almaz.Id);
        var voice = SampleMedia.Webm(withVideo: false, blocks: 200);
        var mediaId = await abebe.UploadIdAsync(voice, "voice.webm");
        await abebe.SendMediaOkAsync(conversationId, "audio", mediaId);
        var key = await Db.ScalarAsync<string>("SELECT storage_key FROM chat_media WHERE id = $1", mediaId);
        Assert.That(await Store.KeysAsync(Bucket), Does.Contain(key), "stored in the bucket, not on a disk the instances share");

        using var whole = await almaz.DownloadAsync(mediaId);
        using var slice = await almaz.DownloadAsync(mediaId, new RangeHeaderValue(100, 199));
        using var tail = await almaz.DownloadAsync(mediaId, new RangeHeaderValue(null, 16));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whole.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await whole.Content.ReadAsByteArrayAsync(), Is.EqualTo(voice));
            Assert.That(whole.Content.Headers.ContentType?.MediaType, Is.EqualTo("audio/webm"));
            Assert.That(whole.Headers.AcceptRanges, Does.Contain("bytes"));
            Assert.That(slice.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
            Assert.That(await slice.Content.ReadAsByteArrayAsync(), Is.EqualTo(voice[100..200]));
            Assert.That(slice.Content.Headers.ContentRange?.Length, Is.EqualTo(voice.Length));
            Assert.That(tail.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
            Assert.That(await tail.Content.ReadAsByteArrayAsync(), Is.EqualTo(voice[^16..]));
        }
    }

    [Test]
    public async Task An_outsider_gets_404_through_instance_two_as_for_media_that_does_not_exist()
    {
        var abebe = One.User(await Db.AddUserAsync("Abebe"));
        var almaz = await Db.AddUserAsync("Almaz");
        var outsider = Two.User(await Db.AddUserAsync("Outsider"));
        var conversationId = await abebe.OpenDirectIdAsync(almaz);
        var mediaId = await abebe.UploadIdAsync(SampleMedia.Png(), "private.png");
        await abebe.SendMediaOkAsync(conversationId, "image", mediaId);

        using var theirs = await outsider.DownloadAsync(mediaId);
        using var none = await outsider.DownloadAsync(mediaId + 1000);

        var problem = await theirs.ProblemAsync(HttpStatusCode.NotFound, "media_not_found");
        var missing = await none.ProblemAsync(HttpStatusCode.NotFound, "media_not_found");
        Assert.That(problem["detail"]!.GetValue<string>(), Is.EqualTo(missing["detail"]!.GetValue<string>()));
    }

    [Test]
    public async Task The_uploader_downloads_an_unsent_upload_through_the_other_instance_too()
    {
        var abebeId = await Db.AddUserAsync("Abebe");
        var png = SampleMedia.Png(4, 4);
        var mediaId = await One.User(abebeId).UploadIdAsync(png, "draft.png");

        using var download = await Two.User(abebeId).DownloadAsync(mediaId);

        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(png));
    }
}
