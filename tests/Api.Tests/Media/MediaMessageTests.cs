using System.Net;
using System.Text.Json;
using Astegni.Chat.TestSupport.Media;

namespace Astegni.Chat.Api.Tests.Media;

/// <summary>Messages that carry media: who may send what, how history shows it, who may then download it.</summary>
public sealed class MediaMessageTests : MediaTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Test]
    public async Task Send_AnImage_ShowsTheMediaInHistory_AndTheOtherMemberDownloadsIt()
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);
        var png = SampleMedia.Png(8, 6);
        var mediaId = await me.UploadIdAsync(png, "homework.png");

        var sent = await me.SendMediaOkAsync(conversationId, "image", mediaId, "page 12, question 3");

        var seen = await friend.SeenAsync(conversationId, sent["id"]!.GetValue<int>());
        var media = seen!["media"]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen["message_type"]!.GetValue<string>(), Is.EqualTo("image"));
            Assert.That(seen["content"]!.GetValue<string>(), Is.EqualTo("page 12, question 3"));
            Assert.That(media["id"]!.GetValue<int>(), Is.EqualTo(mediaId));
            Assert.That(media["url"]!.GetValue<string>(), Is.EqualTo($"/api/chat/media/{mediaId}"));
            Assert.That(media["mime_type"]!.GetValue<string>(), Is.EqualTo("image/png"));
            Assert.That(media["size"]!.GetValue<long>(), Is.EqualTo(png.Length));
            Assert.That(media["width"]!.GetValue<int>(), Is.EqualTo(8));
            Assert.That(media["height"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(media["file_name"]!.GetValue<string>(), Is.EqualTo("homework.png"));
            Assert.That(sent["media"]!["id"]!.GetValue<int>(), Is.EqualTo(mediaId), "the 201 answer carries it too");
        }

        var download = await friend.DownloadAsync(mediaId);
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(png));
    }

    [Test]
    public async Task Send_AVoiceNote_WithoutCaption_HasNoContent_AndPlaysForTheGroup()
    {
        var me = await MediaUserAsync("Teacher");
        var student = await MediaUserAsync("Student");
        var outsider = await MediaUserAsync("Outsider");
        var groupId = await me.CreateGroupIdAsync("Grade 9 maths", student.Id);
        var voice = SampleMedia.Webm(withVideo: false);
        var mediaId = (await me.UploadOkAsync(voice, "voice.webm", "audio/webm;codecs=opus"))["id"]!.GetValue<int>();

        var sent = await me.SendMediaOkAsync(groupId, "audio", mediaId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent["content"], Is.Null);
            Assert.That(sent["media"]!["duration_ms"]!.GetValue<int>(), Is.EqualTo(980));
            Assert.That((await student.DownloadAsync(mediaId)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await outsider.DownloadAsync(mediaId)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task Send_AMediaMessage_ReachesTheOtherMemberOverTheHub_WithItsMedia()
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);
        var mediaId = await me.UploadIdAsync(SampleMedia.Pdf(), "syllabus.pdf");
        await using var friendPhone = await ReadEventListener.StartAsync(Media.ServerAddress, friend.Id, "message_created");

        await me.SendMediaOkAsync(conversationId, "file", mediaId);

        var received = await friendPhone.NextAsync(Patience);
        var media = received.GetProperty("message").GetProperty("media");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(media.GetProperty("id").GetInt32(), Is.EqualTo(mediaId));
            Assert.That(media.GetProperty("mime_type").GetString(), Is.EqualTo("application/pdf"));
            Assert.That(media.GetProperty("file_name").GetString(), Is.EqualTo("syllabus.pdf"));
            Assert.That(media.TryGetProperty("width", out var width) && width.ValueKind != JsonValueKind.Null, Is.False);
        }
    }

    [Test]
    public async Task Forward_AMediaMessage_KeepsTheMedia_AndTheTargetsMembersMayDownloadIt()
    {
        var author = await MediaUserAsync("Author");
        var forwarder = await MediaUserAsync("Forwarder");
        var target = await MediaUserAsync("Target");
        var outsider = await MediaUserAsync("Outsider");
        var first = await author.OpenDirectIdAsync(forwarder.Id);
        var second = await forwarder.OpenDirectIdAsync(target.Id);
        var png = SampleMedia.Png();
        var mediaId = await author.UploadIdAsync(png, "diagram.png");
        var original = await author.SendMediaOkAsync(first, "image", mediaId);
        Assert.That((await target.DownloadAsync(mediaId)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not before the forward");

        var forwarded = (await (await forwarder.ForwardAsync(second, original["id"]!.GetValue<int>())).JsonAsync(HttpStatusCode.Created))["message"]!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forwarded["message_type"]!.GetValue<string>(), Is.EqualTo("image"));
            Assert.That(forwarded["media"]!["id"]!.GetValue<int>(), Is.EqualTo(mediaId));
            Assert.That(forwarded["forwarded_from"]!["user_id"]!.GetValue<int>(), Is.EqualTo(author.Id));
            Assert.That(await (await target.DownloadAsync(mediaId)).Content.ReadAsByteArrayAsync(), Is.EqualTo(png));
            Assert.That((await outsider.DownloadAsync(mediaId)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task DeleteForEveryone_HidesTheMedia_AndStopsTheDownloadForOthers_ButNotForTheUploader()
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);
        var mediaId = await me.UploadIdAsync(SampleMedia.Png(), "oops.png");
        var messageId = (await me.SendMediaOkAsync(conversationId, "image", mediaId))["id"]!.GetValue<int>();

        await (await me.DeleteMessageAsync(messageId, "everyone")).NoContentAsync();

        var seen = await friend.SeenAsync(conversationId, messageId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen!["is_deleted"]!.GetValue<bool>(), Is.True);
            Assert.That(seen["media"], Is.Null);
            Assert.That((await friend.DownloadAsync(mediaId)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await me.DownloadAsync(mediaId)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task ConversationList_ForAMediaMessage_ShowsItsTypeWithoutPreview()
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);
        var mediaId = await me.UploadIdAsync(SampleMedia.Jpeg(), "photo.jpg");
        await me.SendMediaOkAsync(conversationId, "image", mediaId, "a caption is not a preview");

        var summary = await friend.ConversationInListAsync(conversationId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary!["last_message"]!["message_type"]!.GetValue<string>(), Is.EqualTo("image"));
            Assert.That(summary["last_message"]!["preview"], Is.Null);
        }
    }

    [Test]
    public async Task Send_SomeoneElsesUpload_IsNotFound()
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);
        var theirs = await friend.UploadIdAsync(SampleMedia.Png(), "theirs.png");

        var response = await me.SendMediaAsync(conversationId, "image", theirs);

        await response.ProblemAsync(HttpStatusCode.NotFound, "media_not_found");
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_messages"), Is.Zero);
    }

    [Test]
    public async Task Send_AMediaIdThatDoesNotExist_IsNotFound()
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);

        var response = await me.SendMediaAsync(conversationId, "file", 987_654);

        await response.ProblemAsync(HttpStatusCode.NotFound, "media_not_found");
    }

    [TestCase("image", "pdf")]
    [TestCase("file", "png")]
    [TestCase("audio", "mp4-video")]
    [TestCase("video", "voice")]
    [TestCase("gif", "png")]
    public async Task Send_MediaOfAnotherKindThanTheMessageType_IsRefusedAsMismatch(string messageType, string sample)
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);
        var bytes = sample switch
        {
            "pdf" => SampleMedia.Pdf(),
            "png" => SampleMedia.Png(),
            "mp4-video" => SampleMedia.Mp4("isom", ["vide"]),
            _ => SampleMedia.Webm(withVideo: false),
        };
        var mediaId = await me.UploadIdAsync(bytes);

        var response = await me.SendMediaAsync(conversationId, messageType, mediaId);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "media_type_mismatch");
    }

    [TestCase("gif")]
    [TestCase("image")]
    public async Task Send_AGifImage_AsGifOrImage_IsAccepted(string messageType)
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);
        var mediaId = await me.UploadIdAsync(SampleMedia.Gif(), "dance.gif");

        var sent = await me.SendMediaOkAsync(conversationId, messageType, mediaId);

        Assert.That(sent["media"]!["mime_type"]!.GetValue<string>(), Is.EqualTo("image/gif"));
    }

    [Test]
    public async Task Send_AMediaTypeWithoutMediaId_IsRefusedAsMediaRequired()
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);

        var response = await me.SendMediaAsync(conversationId, "video", mediaId: null, "see attached");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "media_required");
    }

    [Test]
    public async Task Send_TextWithAMediaId_IsRefused()
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);
        var mediaId = await me.UploadIdAsync(SampleMedia.Png());

        var response = await me.SendMediaAsync(conversationId, "text", mediaId, "hello");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "media_not_expected");
    }

    [Test]
    public async Task Send_ACaptionOverTheTextLimit_IsRefusedAsTooLong()
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);
        var mediaId = await me.UploadIdAsync(SampleMedia.Png());

        var response = await me.SendMediaAsync(conversationId, "image", mediaId, new string('a', 10_001));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "message_too_long");
    }

    [Test]
    public async Task Send_MediaIntoAConversationIAmNotIn_IsNotFound_AndTheyCannotDownloadIt()
    {
        var me = await MediaUserAsync("Sender");
        var a = await MediaUserAsync("A");
        var b = await MediaUserAsync("B");
        var theirConversation = await a.OpenDirectIdAsync(b.Id);
        var mediaId = await me.UploadIdAsync(SampleMedia.Png());

        var response = await me.SendMediaAsync(theirConversation, "image", mediaId);

        await response.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        Assert.That((await a.DownloadAsync(mediaId)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Send_ALocation_IsKeptAsLatLngJson()
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);

        var response = await me.SendLocationAsync(conversationId, "{ \"lat\": 9.0054, \"lng\": 38.7636, \"label\": \"Arat Kilo\" }");

        var message = (await response.JsonAsync(HttpStatusCode.Created))["message"]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message["message_type"]!.GetValue<string>(), Is.EqualTo("location"));
            Assert.That(message["content"]!.GetValue<string>(), Is.EqualTo("{\"lat\":9.0054,\"lng\":38.7636}"));
            Assert.That(message["media"], Is.Null);
        }
    }

    [TestCase(null)]
    [TestCase("Arat Kilo")]
    [TestCase("{\"lat\": 91, \"lng\": 38}")]
    [TestCase("{\"lat\": 9, \"lng\": -180.5}")]
    [TestCase("{\"lat\": \"9\", \"lng\": 38}")]
    [TestCase("[9, 38]")]
    public async Task Send_ALocationThatIsNotOne_IsRefusedAsInvalidLocation(string? content)
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);

        var response = await me.SendLocationAsync(conversationId, content);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_location");
    }
}
