using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Messages.GetHistory;

public sealed class GetHistoryValidator : AbstractValidator<GetHistory>
{
    public GetHistoryValidator()
    {
        RuleFor(q => q.ConversationId).ValidId("invalid_conversation_id");
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Before).GreaterThan(0).WithErrorCode("invalid_cursor").WithMessage("before must be a message id.");
        RuleFor(q => q.After).GreaterThan(0).WithErrorCode("invalid_cursor").WithMessage("after must be a message id.");
        RuleFor(q => q)
            .Must(q => new object?[] { q.Before, q.After, q.Since }.Count(cursor => cursor is not null) <= 1)
            .WithName("before")
            .WithErrorCode("invalid_cursor")
            .WithMessage("Give before or after, not both.");
    }
}
