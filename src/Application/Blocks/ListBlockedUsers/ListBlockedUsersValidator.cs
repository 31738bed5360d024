using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Blocks.ListBlockedUsers;

public sealed class ListBlockedUsersValidator : AbstractValidator<ListBlockedUsers>
{
    public ListBlockedUsersValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}
