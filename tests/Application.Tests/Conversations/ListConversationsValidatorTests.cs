using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.ListConversations;

namespace Astegni.Chat.Application.Tests.Conversations;

public class ListConversationsValidatorTests
{
    private readonly ListConversationsValidator _validator = new();

    [TestCase(null)]
    [TestCase(1)]
    [TestCase(100)]
    public void Validate_ALimitFromOneToOneHundredOrNone_IsAccepted(int? limit)
    {
        Assert.That(_validator.Validate(new ListConversations(limit)).IsValid, Is.True);
    }

    [TestCase(0)]
    [TestCase(101)]
    [TestCase(-1)]
    public void Validate_ALimitOutsideOneToOneHundred_IsRefusedAsInvalidLimit(int limit)
    {
        var result = _validator.Validate(new ListConversations(limit));

        Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_limit" }));
    }

    [Test]
    public void Validate_ACursorTheServiceHandedOut_IsAccepted()
    {
        var cursor = new Cursor(DateTimeOffset.UnixEpoch.AddYears(55).UtcTicks, 31).Encode();

        Assert.That(_validator.Validate(new ListConversations(Cursor: cursor, Archived: true)).IsValid, Is.True);
    }

    [TestCase("garbage!")]
    [TestCase("")]
    public void Validate_ACursorThatDoesNotDecode_IsRefusedAsInvalidCursor(string cursor)
    {
        var result = _validator.Validate(new ListConversations(Cursor: cursor));

        Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_cursor" }));
    }

    // A cursor carries a time (UTC ticks). One whose key is no point in time was never handed out,
    // yet passes validation and makes ListConversationsHandler throw (new DateTimeOffset(ticks)) -> 500.
    [TestCase(-1L)]
    [TestCase(long.MaxValue)]
    public void Validate_ACursorWhoseKeyIsNoPointInTime_IsRefusedAsInvalidCursor(long key)
    {
        var cursor = new Cursor(key, 31).Encode();

        var result = _validator.Validate(new ListConversations(Cursor: cursor));

        Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_cursor" }));
    }

    [Test]
    public void Validate_BadLimitAndBadCursor_ReportsBoth()
    {
        var result = _validator.Validate(new ListConversations(0, "garbage!"));

        Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_cursor", "invalid_limit" }));
    }
}
