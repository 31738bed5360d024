using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Blocks.UnblockUser;

public sealed class UnblockUserValidator : AbstractValidator<UnblockUser>
{
    public UnblockUserValidator() => RuleFor(c => c.BlockedUserId).ValidId("invalid_user_id");
}
