using Astegni.Chat.Application.Conversations.OpenDirectConversation;

namespace Astegni.Chat.Application.Tests.Conversations;

public class OpenDirectConversationValidatorTests
{
    private readonly OpenDirectConversationValidator _validator = new();

    [TestCase(1, true)]
    [TestCase(int.MaxValue, true)]
    [TestCase(0, false)]
    [TestCase(-7, false)]
    public void Validate_TheOtherUser_MustBeAPositiveId(int userId, bool accepted)
    {
        var result = _validator.Validate(new OpenDirectConversation(userId));

        Assert.That(result.Codes(), accepted ? Is.Empty : Is.EqualTo(new[] { "invalid_user_id" }));
    }
}
