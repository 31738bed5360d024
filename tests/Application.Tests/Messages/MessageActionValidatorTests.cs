using Astegni.Chat.Application.Messages.DeleteMessage;
using Astegni.Chat.Application.Messages.EditMessage;
using Astegni.Chat.Application.Messages.ListPinnedMessages;
using Astegni.Chat.Application.Messages.PinMessage;
using Astegni.Chat.Application.Messages.ReactToMessage;
using Astegni.Chat.Application.Messages.RemoveReaction;
using Astegni.Chat.Application.Messages.SendSystemMessage;
using Astegni.Chat.Application.Messages.UnpinMessage;

namespace Astegni.Chat.Application.Tests.Messages;

public class MessageActionValidatorTests
{
    [Test]
    public void EditMessage_WithText_IsAccepted() =>
        Assert.That(new EditMessageValidator().Validate(new EditMessage(5, "fixed typo")).IsValid, Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \t ")]
    public void EditMessage_ToNothing_IsRefusedAsMessageEmpty(string? content) =>
        Assert.That(new EditMessageValidator().Validate(new EditMessage(5, content)).Codes(), Is.EqualTo(new[] { "message_empty" }));

    [TestCase(10_000, true)]
    [TestCase(10_001, false)]
    public void EditMessage_Content_IsLimitedToTenThousandCharacters(int length, bool accepted) =>
        Assert.That(
            new EditMessageValidator().Validate(new EditMessage(5, new string('a', length))).Codes(),
            accepted ? Is.Empty : Is.EqualTo(new[] { "message_too_long" }));

    [TestCase(0)]
    [TestCase(-1)]
    public void EveryMessageAction_WithoutAPositiveMessageId_IsRefusedAsInvalidMessageId(int id)
    {
        var expected = new[] { "invalid_message_id" };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new EditMessageValidator().Validate(new EditMessage(id, "x")).Codes(), Is.EqualTo(expected));
            Assert.That(new DeleteMessageValidator().Validate(new DeleteMessage(id)).Codes(), Is.EqualTo(expected));
            Assert.That(new ReactToMessageValidator().Validate(new ReactToMessage(id, "👍")).Codes(), Is.EqualTo(expected));
            Assert.That(new RemoveReactionValidator().Validate(new RemoveReaction(id)).Codes(), Is.EqualTo(expected));
            Assert.That(new PinMessageValidator().Validate(new PinMessage(id)).Codes(), Is.EqualTo(expected));
            Assert.That(new UnpinMessageValidator().Validate(new UnpinMessage(id)).Codes(), Is.EqualTo(expected));
        }
    }

    [TestCase(null)]
    [TestCase("me")]
    [TestCase("everyone")]
    public void DeleteMessage_ForMeEveryoneOrNothing_IsAccepted(string? scope) =>
        Assert.That(new DeleteMessageValidator().Validate(new DeleteMessage(5, scope)).IsValid, Is.True);

    [TestCase("")]
    [TestCase("Me")]
    [TestCase("all")]
    [TestCase("everyone ")]
    public void DeleteMessage_ForAnythingElse_IsRefusedAsInvalidDeleteScope(string scope) =>
        Assert.That(new DeleteMessageValidator().Validate(new DeleteMessage(5, scope)).Codes(), Is.EqualTo(new[] { "invalid_delete_scope" }));

    [TestCase("👍")]
    [TestCase("👨‍👩‍👧‍👦")]
    [TestCase("ok")]
    public void ReactToMessage_WithAReaction_IsAccepted(string reaction) =>
        Assert.That(new ReactToMessageValidator().Validate(new ReactToMessage(5, reaction)).IsValid, Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void ReactToMessage_WithNothing_IsRefusedAsInvalidReaction(string? reaction) =>
        Assert.That(new ReactToMessageValidator().Validate(new ReactToMessage(5, reaction)).Codes(), Is.EqualTo(new[] { "invalid_reaction" }));

    [TestCase(50, true)]
    [TestCase(51, false)]
    public void ReactToMessage_Reaction_IsAtMostFiftyCharacters(int length, bool accepted) =>
        Assert.That(
            new ReactToMessageValidator().Validate(new ReactToMessage(5, new string('x', length))).Codes(),
            accepted ? Is.Empty : Is.EqualTo(new[] { "invalid_reaction" }));

    [Test]
    public void SendSystemMessage_WithAConversationAndText_IsAccepted() =>
        Assert.That(new SendSystemMessageValidator().Validate(new SendSystemMessage(3, "Session confirmed")).IsValid, Is.True);

    [Test]
    public void SendSystemMessage_WithNothingValid_ReportsEachProblem() =>
        Assert.That(
            new SendSystemMessageValidator().Validate(new SendSystemMessage(0, " ")).Codes(),
            Is.EquivalentTo(new[] { "invalid_conversation_id", "message_empty" }));

    [Test]
    public void SendSystemMessage_OverTenThousandCharacters_IsRefusedAsTooLong() =>
        Assert.That(
            new SendSystemMessageValidator().Validate(new SendSystemMessage(3, new string('a', 10_001))).Codes(),
            Is.EqualTo(new[] { "message_too_long" }));

    [TestCase(1, true)]
    [TestCase(0, false)]
    public void ListPinnedMessages_NeedsAConversationId(int conversationId, bool accepted) =>
        Assert.That(
            new ListPinnedMessagesValidator().Validate(new ListPinnedMessages(conversationId)).Codes(),
            accepted ? Is.Empty : Is.EqualTo(new[] { "invalid_conversation_id" }));
}
