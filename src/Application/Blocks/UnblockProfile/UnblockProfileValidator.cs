using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Blocks.UnblockProfile;

public sealed class UnblockProfileValidator : AbstractValidator<UnblockProfile>
{
    public UnblockProfileValidator()
    {
        RuleFor(c => c.ProfileId).ValidId("invalid_profile_id");
        RuleFor(c => c.ProfileType)
            .NotEmpty()
            .MaximumLength(20)
            .WithErrorCode("invalid_profile_type")
            .WithMessage("profile_type must be student, tutor, parent or user.");
    }
}
