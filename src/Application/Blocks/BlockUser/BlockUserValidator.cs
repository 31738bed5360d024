using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Blocks;
using FluentValidation;

namespace Astegni.Chat.Application.Blocks.BlockUser;

public sealed class BlockUserValidator : AbstractValidator<BlockUser>
{
    public BlockUserValidator()
    {
        RuleFor(c => c.BlockedUserId).ValidId("invalid_user_id");
        RuleFor(c => c.Reason).MaximumLength(Block.MaxReasonLength).WithErrorCode("reason_too_long");
    }
}
