using Astegni.Chat.Application.YourData.DeleteMyChatData;

namespace Astegni.Chat.Application.Tests.YourData;

public class DeleteMyChatDataValidatorTests
{
    private readonly DeleteMyChatDataValidator _validator = new();

    [Test]
    public void Validate_Confirmed_IsValid() =>
        Assert.That(_validator.Validate(new DeleteMyChatData(Confirm: true)).Codes(), Is.Empty);

    [Test]
    public void Validate_NotConfirmed_IsRefused() =>
        Assert.That(_validator.Validate(new DeleteMyChatData(Confirm: false)).Codes(), Is.EqualTo(new[] { "confirmation_required" }));
}
