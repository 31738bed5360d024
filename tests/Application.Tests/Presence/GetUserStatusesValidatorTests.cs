using Astegni.Chat.Application.Presence.GetUserStatuses;

namespace Astegni.Chat.Application.Tests.Presence;

public class GetUserStatusesValidatorTests
{
    private readonly GetUserStatusesValidator _validator = new();

    [Test]
    public void Validate_SomeUserIds_IsValid() =>
        Assert.That(_validator.Validate(new GetUserStatuses([3, 9, 9, 12])).Codes(), Is.Empty);

    [Test]
    public void Validate_NoUserIds_IsRefused() =>
        Assert.That(_validator.Validate(new GetUserStatuses([])).Codes(), Is.EqualTo(new[] { "user_ids_required" }));

    [Test]
    public void Validate_TheMaximumNumberOfIds_IsValid() =>
        Assert.That(_validator.Validate(new GetUserStatuses(Enumerable.Range(1, GetUserStatuses.MaxUserIds).ToList())).Codes(), Is.Empty);

    [Test]
    public void Validate_MoreIdsThanTheMaximum_IsRefused()
    {
        var result = _validator.Validate(new GetUserStatuses(Enumerable.Range(1, GetUserStatuses.MaxUserIds + 1).ToList()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Codes(), Is.EqualTo(new[] { "too_many_user_ids" }));
            Assert.That(result.Errors.Single().PropertyName, Is.EqualTo("UserIds"), "reported as the user_ids field");
        }
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void Validate_AnIdThatIsNotPositive_IsRefused(int badId) =>
        Assert.That(_validator.Validate(new GetUserStatuses([4, badId])).Codes(), Is.EqualTo(new[] { "invalid_user_ids" }));
}
