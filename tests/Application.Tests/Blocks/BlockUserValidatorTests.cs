using Astegni.Chat.Application.Blocks.BlockUser;

namespace Astegni.Chat.Application.Tests.Blocks;

public class BlockUserValidatorTests
{
    private readonly BlockUserValidator _validator = new();

    [TestCase(0)]
    [TestCase(-2)]
    public void Validate_WithoutAPositiveUserId_IsRefusedAsInvalidUserId(int userId)
    {
        var result = _validator.Validate(new BlockUser(userId));

        Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_user_id" }));
    }

    [TestCase(null, true)]
    [TestCase(0, true)]
    [TestCase(500, true)]
    [TestCase(501, false)]
    public void Validate_TheReason_HoldsAtMostFiveHundredCharacters(int? length, bool accepted)
    {
        var reason = length is { } n ? new string('r', n) : null;

        var result = _validator.Validate(new BlockUser(5, reason));

        Assert.That(result.Codes(), accepted ? Is.Empty : Is.EqualTo(new[] { "reason_too_long" }));
    }
}
