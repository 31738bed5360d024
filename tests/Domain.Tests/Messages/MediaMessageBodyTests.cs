using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Media;
using Astegni.Chat.Domain.Messages;

namespace Astegni.Chat.Domain.Tests.Messages;

/// <summary>Media and location messages: which item fits which type, whose item it may be, captions, coordinates.</summary>
public class MediaMessageBodyTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Uploader = new(7);
    private static readonly UserId Other = new(42);

    private static MediaItem Item(MediaKind kind, string mimeType, int id = 31, UserId? uploader = null)
    {
        var item = new MediaItem(uploader ?? Uploader, kind, mimeType, 1234, "ab/" + new string('c', 32), "x", null, null, null, Now);
        // The database assigns ids; a test stands in for it.
        typeof(MediaItem).GetProperty(nameof(MediaItem.Id))!.SetValue(item, new MediaId(id));
        return item;
    }

    private static IEnumerable<TestCaseData> Fitting()
    {
        yield return new TestCaseData(MessageType.Image, MediaKind.Image, "image/png");
        yield return new TestCaseData(MessageType.Image, MediaKind.Image, "image/gif");
        yield return new TestCaseData(MessageType.Gif, MediaKind.Image, "image/gif");
        yield return new TestCaseData(MessageType.File, MediaKind.File, "application/pdf");
        yield return new TestCaseData(MessageType.Audio, MediaKind.Audio, "audio/webm");
        yield return new TestCaseData(MessageType.Video, MediaKind.Video, "video/mp4");
    }

    [TestCaseSource(nameof(Fitting))]
    public void WithMedia_OfAFittingKind_CarriesTheItem(MessageType type, MediaKind kind, string mimeType)
    {
        var body = MessageBody.WithMedia(type, Item(kind, mimeType), Uploader, caption: null);

        Assert.That(body.IsSuccess, Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.Value.Type, Is.EqualTo(type));
            Assert.That(body.Value.MediaId, Is.EqualTo(new MediaId(31)));
            Assert.That(body.Value.Content, Is.Null);
        }
    }

    private static IEnumerable<TestCaseData> Mismatched()
    {
        yield return new TestCaseData(MessageType.Image, MediaKind.File, "application/pdf");
        yield return new TestCaseData(MessageType.Image, MediaKind.Video, "video/mp4");
        yield return new TestCaseData(MessageType.Gif, MediaKind.Image, "image/png");
        yield return new TestCaseData(MessageType.Gif, MediaKind.File, "image/gif");
        yield return new TestCaseData(MessageType.File, MediaKind.Image, "image/png");
        yield return new TestCaseData(MessageType.Audio, MediaKind.Video, "video/webm");
        yield return new TestCaseData(MessageType.Video, MediaKind.Audio, "audio/webm");
        yield return new TestCaseData(MessageType.Text, MediaKind.Image, "image/png");
        yield return new TestCaseData(MessageType.Location, MediaKind.Image, "image/png");
        yield return new TestCaseData(MessageType.System, MediaKind.File, "application/pdf");
    }

    [TestCaseSource(nameof(Mismatched))]
    public void WithMedia_OfAnotherKind_IsRefusedAsMismatch(MessageType type, MediaKind kind, string mimeType)
    {
        var body = MessageBody.WithMedia(type, Item(kind, mimeType), Uploader, caption: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.Error?.Code, Is.EqualTo("media_type_mismatch"));
            Assert.That(body.Error?.Kind, Is.EqualTo(ErrorKind.Validation));
        }
    }

    [Test]
    public void WithMedia_SomeoneElsesUpload_IsNotFound_ForItsExistenceIsNotTheirsToLearn()
    {
        var body = MessageBody.WithMedia(MessageType.Image, Item(MediaKind.Image, "image/png", uploader: Other), Uploader, caption: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.Error?.Code, Is.EqualTo("media_not_found"));
            Assert.That(body.Error?.Kind, Is.EqualTo(ErrorKind.NotFound));
        }
    }

    [Test]
    public void WithMedia_SomeoneElsesUpload_IsNotFound_EvenWhenTheKindIsWrongToo()
    {
        var body = MessageBody.WithMedia(MessageType.Video, Item(MediaKind.Image, "image/png", uploader: Other), Uploader, caption: null);

        Assert.That(body.Error?.Code, Is.EqualTo("media_not_found"));
    }

    [Test]
    public void WithMedia_KeepsTheCaptionAsWritten()
    {
        var body = MessageBody.WithMedia(MessageType.Image, Item(MediaKind.Image, "image/jpeg"), Uploader, "  page 12  ");

        Assert.That(body.Value.Content, Is.EqualTo("  page 12  "));
    }

    [TestCase("")]
    [TestCase("   \n")]
    public void WithMedia_ABlankCaption_IsNoCaption(string caption)
    {
        var body = MessageBody.WithMedia(MessageType.File, Item(MediaKind.File, "application/pdf"), Uploader, caption);

        Assert.That(body.Value.Content, Is.Null);
    }

    [TestCase(10_000, true)]
    [TestCase(10_001, false)]
    public void WithMedia_TheCaption_HoldsAsMuchAsAText(int length, bool accepted)
    {
        var body = MessageBody.WithMedia(MessageType.Image, Item(MediaKind.Image, "image/png"), Uploader, new string('a', length));

        Assert.That(body.IsSuccess ? null : body.Error.Code, accepted ? Is.Null : Is.EqualTo("message_too_long"));
    }

    [Test]
    public void Text_CarriesNoMedia()
    {
        Assert.That(MessageBody.Text("selam").Value.MediaId, Is.Null);
    }

    [TestCase(9.0054, 38.7636, "{\"lat\":9.0054,\"lng\":38.7636}")]
    [TestCase(-90, 180, "{\"lat\":-90,\"lng\":180}")]
    [TestCase(90, -180, "{\"lat\":90,\"lng\":-180}")]
    [TestCase(0.1, 0, "{\"lat\":0.1,\"lng\":0}")]
    public void Location_OnTheMap_IsKeptAsInvariantLatLngJson(double latitude, double longitude, string content)
    {
        var body = MessageBody.Location(latitude, longitude);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.Value.Type, Is.EqualTo(MessageType.Location));
            Assert.That(body.Value.Content, Is.EqualTo(content));
            Assert.That(body.Value.MediaId, Is.Null);
        }
    }

    [TestCase(90.0001, 0)]
    [TestCase(-91, 0)]
    [TestCase(0, 180.5)]
    [TestCase(0, -181)]
    [TestCase(double.NaN, 0)]
    [TestCase(0, double.PositiveInfinity)]
    public void Location_OffTheMap_IsRefusedAsInvalid(double latitude, double longitude)
    {
        Assert.That(MessageBody.Location(latitude, longitude).Error?.Code, Is.EqualTo("invalid_location"));
    }

    [Test]
    public void Post_OfAMediaBody_GivesTheMessageItsMedia()
    {
        var conversation = Conversation.OpenDirect(Uploader, Other, Now);
        var body = MessageBody.WithMedia(MessageType.Audio, Item(MediaKind.Audio, "audio/webm", id: 77), Uploader, null).Value;

        var message = conversation.Post(Uploader, body, null, Now).Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Type, Is.EqualTo(MessageType.Audio));
            Assert.That(message.MediaId, Is.EqualTo(new MediaId(77)));
            Assert.That(message.Content, Is.Null);
        }
    }

    [Test]
    public void ForwardBy_OfAMediaMessage_CopiesItsMediaAndCaption()
    {
        var conversation = Conversation.OpenDirect(Uploader, Other, Now);
        var body = MessageBody.WithMedia(MessageType.Image, Item(MediaKind.Image, "image/png", id: 12), Uploader, "look").Value;
        var message = conversation.Post(Uploader, body, null, Now).Value;

        var copy = message.ForwardBy(Other, originalAuthorDisablesForwarding: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(copy.Value.Body.Type, Is.EqualTo(MessageType.Image));
            Assert.That(copy.Value.Body.MediaId, Is.EqualTo(new MediaId(12)));
            Assert.That(copy.Value.Body.Content, Is.EqualTo("look"));
        }
    }
}
