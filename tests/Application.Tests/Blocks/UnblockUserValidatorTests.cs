using Astegni.Chat.Application.Blocks.UnblockUser;

namespace Astegni.Chat.Application.Tests.Blocks;

public class UnblockUserValidatorTests
{
    private readonly UnblockUserValidator _validator = new();

    [TestCase(1, true)]
    [TestCase(0, false)]
    [TestCase(-9, false)]
    public void Validate_TheUser_MustBeAPositiveId(int userId, bool accepted)
    {
        var result = _validator.Validate(new UnblockUser(userId));

        Assert.That(result.Codes(), accepted ? Is.Empty : Is.EqualTo(new[] { "invalid_user_id" }));
    }
}
