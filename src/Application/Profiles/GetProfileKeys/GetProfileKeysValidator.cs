using FluentValidation;

namespace Astegni.Chat.Application.Profiles.GetProfileKeys;

public sealed class GetProfileKeysValidator : AbstractValidator<GetProfileKeys>
{
    public GetProfileKeysValidator() =>
        RuleFor(q => q.UserIds)
            .Must(ids => ids.Count <= GetProfileKeys.MaxUserIds)
            .WithErrorCode("too_many_user_ids")
            .WithMessage($"Ask for at most {GetProfileKeys.MaxUserIds} users at once.")
            .Must(ids => ids.All(id => id > 0))
            .WithErrorCode("invalid_user_ids")
            .WithMessage("user_ids must be positive user ids.");
}
