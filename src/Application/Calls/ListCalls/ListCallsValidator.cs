using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Calls.ListCalls;

public sealed class ListCallsValidator : AbstractValidator<ListCalls>
{
    public ListCallsValidator()
    {
        RuleFor(q => q.ConversationId).GreaterThan(0).WithErrorCode("invalid_conversation_id").WithMessage("conversation_id must be a positive id.");
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}
