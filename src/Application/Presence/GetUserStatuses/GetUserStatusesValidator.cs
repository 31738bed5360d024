using FluentValidation;

namespace Astegni.Chat.Application.Presence.GetUserStatuses;

public sealed class GetUserStatusesValidator : AbstractValidator<GetUserStatuses>
{
    public const string InvalidUserIds = "invalid_user_ids";

    public GetUserStatusesValidator() =>
        RuleFor(q => q.UserIds)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithErrorCode("user_ids_required")
            .WithMessage("user_ids must name at least one user.")
            .Must(ids => ids.Count <= GetUserStatuses.MaxUserIds)
            .WithErrorCode("too_many_user_ids")
            .WithMessage($"Ask for at most {GetUserStatuses.MaxUserIds} users at once.")
            .Must(ids => ids.All(id => id > 0))
            .WithErrorCode(InvalidUserIds)
            .WithMessage("user_ids must be positive user ids.");
}
