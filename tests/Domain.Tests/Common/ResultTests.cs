using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Tests.Common;

public class ResultTests
{
    private static readonly Error Refusal = Error.Forbidden("recipient_unavailable", "This person is not available to chat.");

    [Test]
    public void Value_OfAFailedResult_ThrowsNamingTheErrorCode()
    {
        Result<int> failed = Refusal;

        Assert.That(() => failed.Value, Throws.InvalidOperationException.With.Message.Contains("recipient_unavailable"));
    }

    [Test]
    public void Map_OfAFailedResult_KeepsTheErrorAndNeverCallsTheMapping()
    {
        Result<int> failed = Refusal;
        var called = false;

        var mapped = failed.Map(value =>
        {
            called = true;
            return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mapped.Error, Is.SameAs(Refusal));
            Assert.That(called, Is.False);
        }
    }

    [Test]
    public void Map_OfASuccess_TransformsTheValue()
    {
        Result<int> ok = 41;

        var mapped = ok.Map(value => value + 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mapped.IsSuccess, Is.True);
            Assert.That(mapped.Value, Is.EqualTo(42));
        }
    }
}
