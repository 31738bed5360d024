using Astegni.Chat.Application.Messages.SendMessage;

namespace Astegni.Chat.Application.Tests.Messages;

public class SendMessageValidatorTests
{
    private readonly SendMessageValidator _validator = new();

    private static SendMessage Valid() => new(ConversationId: 12, MessageType: "text", Content: "selam", ClientMessageId: "c-1");

    [Test]
    public void Validate_AnOrdinaryTextMessage_IsAccepted()
    {
        Assert.That(_validator.Validate(Valid()).IsValid, Is.True);
    }

    [Test]
    public void Validate_WithoutClientMessageId_IsAccepted()
    {
        Assert.That(_validator.Validate(Valid() with { ClientMessageId = null }).IsValid, Is.True);
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void Validate_WithoutAPositiveConversationId_IsRefusedAsInvalidConversationId(int conversationId)
    {
        var result = _validator.Validate(Valid() with { ConversationId = conversationId });

        Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_conversation_id" }));
    }

    [TestCase("system")]
    [TestCase("sticker")]
    [TestCase("Text")]
    [TestCase("IMAGE")]
    [TestCase("")]
    [TestCase(null)]
    public void Validate_ATypeNoPersonSends_IsRefusedAsUnsupportedMessageType(string? messageType)
    {
        var result = _validator.Validate(Valid() with { MessageType = messageType! });

        Assert.That(result.Codes(), Is.EqualTo(new[] { "unsupported_message_type" }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  \n ")]
    public void Validate_WithNothingToSay_IsRefusedAsMessageEmpty(string? content)
    {
        var result = _validator.Validate(Valid() with { Content = content });

        Assert.That(result.Codes(), Is.EqualTo(new[] { "message_empty" }));
    }

    [TestCase(10_000, true)]
    [TestCase(10_001, false)]
    public void Validate_ContentLength_IsLimitedToTenThousandCharacters(int length, bool accepted)
    {
        var result = _validator.Validate(Valid() with { Content = new string('a', length) });

        Assert.That(result.Codes(), accepted ? Is.Empty : Is.EqualTo(new[] { "message_too_long" }));
    }

    [TestCase(1, true)]
    [TestCase(100, true)]
    [TestCase(0, false)]
    [TestCase(101, false)]
    public void Validate_ClientMessageId_HoldsOneToOneHundredCharacters(int length, bool accepted)
    {
        var result = _validator.Validate(Valid() with { ClientMessageId = new string('k', length) });

        Assert.That(result.Codes(), accepted ? Is.Empty : Is.EqualTo(new[] { "invalid_client_message_id" }));
    }

    [Test]
    public void Validate_WithSeveralProblems_ReportsEachOfThem()
    {
        var result = _validator.Validate(new SendMessage(0, "sticker", " ", ""));

        Assert.That(result.Codes(), Is.EquivalentTo(new[]
        {
            "invalid_conversation_id", "unsupported_message_type", "invalid_client_message_id",
        }));
    }
}

public class SendMediaMessageValidatorTests
{
    private readonly SendMessageValidator _validator = new();

    private static SendMessage Media(string type = "image") => new(ConversationId: 12, MessageType: type, Content: null, MediaId: 5);

    [TestCase("image")]
    [TestCase("gif")]
    [TestCase("file")]
    [TestCase("audio")]
    [TestCase("video")]
    public void Validate_AMediaTypeWithAMediaId_IsAccepted(string type) =>
        Assert.That(_validator.Validate(Media(type)).IsValid, Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("the whiteboard after class")]
    public void Validate_AMediaMessage_MayHaveACaptionOrNone(string? caption) =>
        Assert.That(_validator.Validate(Media() with { Content = caption }).IsValid, Is.True);

    [Test]
    public void Validate_ACaptionOverTheTextLimit_IsRefusedAsTooLong() =>
        Assert.That(_validator.Validate(Media() with { Content = new string('a', 10_001) }).Codes(), Is.EqualTo(new[] { "message_too_long" }));

    [TestCase("image")]
    [TestCase("audio")]
    public void Validate_AMediaTypeWithoutAMediaId_IsRefusedAsMediaRequired(string type) =>
        Assert.That(_validator.Validate(Media(type) with { MediaId = null }).Codes(), Is.EqualTo(new[] { "media_required" }));

    [TestCase(0)]
    [TestCase(-2)]
    public void Validate_ANonPositiveMediaId_IsRefusedAsInvalid(int mediaId) =>
        Assert.That(_validator.Validate(Media() with { MediaId = mediaId }).Codes(), Is.EqualTo(new[] { "invalid_media_id" }));

    [Test]
    public void Validate_TextWithAMediaId_IsRefusedAsNotExpected() =>
        Assert.That(
            _validator.Validate(new SendMessage(12, "text", "selam", MediaId: 5)).Codes(),
            Is.EqualTo(new[] { "media_not_expected" }));

    [Test]
    public void Validate_ALocationWithAMediaId_IsRefusedAsNotExpected() =>
        Assert.That(
            _validator.Validate(new SendMessage(12, "location", "{\"lat\":9,\"lng\":38}", MediaId: 5)).Codes(),
            Is.EqualTo(new[] { "media_not_expected" }));

    [Test]
    public void Validate_ALocation_LeavesItsCoordinatesToTheDomain() =>
        Assert.That(_validator.Validate(new SendMessage(12, "location", "{\"lat\":9,\"lng\":38}")).IsValid, Is.True);

    [Test]
    public void Validate_AForwardWithAMediaId_IsRefused_ForItTakesTheOriginalsMedia() =>
        Assert.That(
            _validator.Validate(new SendMessage(12, "text", null, ForwardOfMessageId: 7, MediaId: 5)).Codes(),
            Is.EqualTo(new[] { "forward_takes_no_content" }));
}

public class SendMessageOriginValidatorTests
{
    private readonly SendMessageValidator _validator = new();

    private static SendMessage Text() => new(ConversationId: 12, MessageType: "text", Content: "selam");

    private static SendMessage Forward() => new(ConversationId: 12, MessageType: "text", Content: null, ForwardOfMessageId: 7);

    [Test]
    public void Validate_AReply_IsAccepted() =>
        Assert.That(_validator.Validate(Text() with { ReplyToId = 3 }).IsValid, Is.True);

    [TestCase(0)]
    [TestCase(-4)]
    public void Validate_AReplyToANonPositiveId_IsRefusedAsInvalidReplyToId(int replyToId) =>
        Assert.That(_validator.Validate(Text() with { ReplyToId = replyToId }).Codes(), Is.EqualTo(new[] { "invalid_reply_to_id" }));

    [Test]
    public void Validate_AReply_StillNeedsText() =>
        Assert.That(_validator.Validate(Text() with { ReplyToId = 3, Content = " " }).Codes(), Is.EqualTo(new[] { "message_empty" }));

    [TestCase(null)]
    [TestCase("")]
    public void Validate_AForwardWithoutContent_IsAccepted(string? content) =>
        Assert.That(_validator.Validate(Forward() with { Content = content }).IsValid, Is.True);

    [TestCase("image")]
    [TestCase("system")]
    public void Validate_AForward_TakesItsTypeFromTheOriginal_SoAnyDeclaredTypeIsIgnored(string messageType) =>
        Assert.That(_validator.Validate(Forward() with { MessageType = messageType }).IsValid, Is.True);

    [Test]
    public void Validate_AForwardWithContent_IsRefused() =>
        Assert.That(_validator.Validate(Forward() with { Content = "my own words" }).Codes(), Is.EqualTo(new[] { "forward_takes_no_content" }));

    [TestCase(0)]
    [TestCase(-1)]
    public void Validate_AForwardOfANonPositiveId_IsRefused(int id) =>
        Assert.That(_validator.Validate(Forward() with { ForwardOfMessageId = id }).Codes(), Is.EqualTo(new[] { "invalid_forward_of_message_id" }));

    [Test]
    public void Validate_BothAReplyAndAForward_IsRefused() =>
        Assert.That(_validator.Validate(Forward() with { ReplyToId = 3 }).Codes(), Is.EqualTo(new[] { "cannot_reply_and_forward" }));
}
