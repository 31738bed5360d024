using Astegni.Chat.Application.Conversations.SignalTyping;

namespace Astegni.Chat.Application.Tests.Conversations;

public class SignalTypingValidatorTests
{
    private readonly SignalTypingValidator _validator = new();

    [TestCase(4, true, new string[0])]
    [TestCase(4, false, new string[0])]
    [TestCase(0, true, new[] { "invalid_conversation_id" })]
    [TestCase(-2, false, new[] { "invalid_conversation_id" })]
    public void Validate_Conversation_MustBeAPositiveId(int conversationId, bool isTyping, string[] codes)
    {
        var result = _validator.Validate(new SignalTyping(conversationId, isTyping));

        Assert.That(result.Codes(), Is.EqualTo(codes));
    }
}
