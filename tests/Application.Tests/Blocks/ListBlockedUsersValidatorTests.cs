using Astegni.Chat.Application.Blocks.ListBlockedUsers;
using Astegni.Chat.Application.Common;

namespace Astegni.Chat.Application.Tests.Blocks;

public class ListBlockedUsersValidatorTests
{
    private readonly ListBlockedUsersValidator _validator = new();

    [TestCase(null)]
    [TestCase(1)]
    [TestCase(100)]
    public void Validate_ALimitFromOneToOneHundredOrNone_IsAccepted(int? limit)
    {
        Assert.That(_validator.Validate(new ListBlockedUsers(limit)).IsValid, Is.True);
    }

    [TestCase(0)]
    [TestCase(101)]
    public void Validate_ALimitOutsideOneToOneHundred_IsRefusedAsInvalidLimit(int limit)
    {
        var result = _validator.Validate(new ListBlockedUsers(limit));

        Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_limit" }));
    }

    [Test]
    public void Validate_ACursorTheServiceHandedOut_IsAccepted()
    {
        var cursor = new Cursor(0, 77).Encode();

        Assert.That(_validator.Validate(new ListBlockedUsers(Cursor: cursor)).IsValid, Is.True);
    }

    [TestCase("definitely-not-a-cursor")]
    [TestCase("MTox!")]
    public void Validate_ACursorThatDoesNotDecode_IsRefusedAsInvalidCursor(string cursor)
    {
        var result = _validator.Validate(new ListBlockedUsers(Cursor: cursor));

        Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_cursor" }));
    }
}
