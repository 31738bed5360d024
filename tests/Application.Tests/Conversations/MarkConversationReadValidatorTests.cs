using Astegni.Chat.Application.Conversations.MarkConversationRead;

namespace Astegni.Chat.Application.Tests.Conversations;

public class MarkConversationReadValidatorTests
{
    private readonly MarkConversationReadValidator _validator = new();

    [TestCase(4, 90, new string[0])]
    [TestCase(0, 90, new[] { "invalid_conversation_id" })]
    [TestCase(4, 0, new[] { "invalid_message_id" })]
    [TestCase(-1, -1, new[] { "invalid_conversation_id", "invalid_message_id" })]
    public void Validate_ConversationAndMessage_MustBePositiveIds(int conversationId, int messageId, string[] codes)
    {
        var result = _validator.Validate(new MarkConversationRead(conversationId, messageId));

        Assert.That(result.Codes(), Is.EqualTo(codes));
    }
}
