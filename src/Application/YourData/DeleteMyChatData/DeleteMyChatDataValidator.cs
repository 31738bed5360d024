using FluentValidation;

namespace Astegni.Chat.Application.YourData.DeleteMyChatData;

public sealed class DeleteMyChatDataValidator : AbstractValidator<DeleteMyChatData>
{
    public const string ConfirmationRequired = "confirmation_required";

    public DeleteMyChatDataValidator() =>
        RuleFor(c => c.Confirm)
            .Equal(true)
            .WithErrorCode(ConfirmationRequired)
            .WithMessage("Deleting your chat data cannot be undone: confirm it with confirm=true.");
}
