using Astegni.Chat.Application.Messages.GetHistory;

namespace Astegni.Chat.Application.Tests.Messages;

public class GetHistoryValidatorTests
{
    private readonly GetHistoryValidator _validator = new();

    [TestCase(null, null, null)]
    [TestCase(50, null, 1)]
    [TestCase(null, 9, 100)]
    public void Validate_APlainOrDirectedPage_IsAccepted(int? before, int? after, int? limit)
    {
        var result = _validator.Validate(new GetHistory(3, before, after, limit));

        Assert.That(result.IsValid, Is.True);
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Validate_WithoutAPositiveConversationId_IsRefusedAsInvalidConversationId(int conversationId)
    {
        var result = _validator.Validate(new GetHistory(conversationId));

        Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_conversation_id" }));
    }

    [TestCase(0)]
    [TestCase(101)]
    [TestCase(-5)]
    public void Validate_ALimitOutsideOneToOneHundred_IsRefusedAsInvalidLimit(int limit)
    {
        var result = _validator.Validate(new GetHistory(3, Limit: limit));

        Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_limit" }));
    }

    [TestCase(0, null)]
    [TestCase(-4, null)]
    [TestCase(null, 0)]
    [TestCase(null, -4)]
    public void Validate_ANonPositiveBeforeOrAfter_IsRefusedAsInvalidCursor(int? before, int? after)
    {
        var result = _validator.Validate(new GetHistory(3, before, after));

        Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_cursor" }));
    }

    [Test]
    public void Validate_BeforeAndAfterTogether_IsRefusedAsInvalidCursorOnBefore()
    {
        var result = _validator.Validate(new GetHistory(3, Before: 20, After: 10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_cursor" }));
            Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "before" }));
        }
    }
}
