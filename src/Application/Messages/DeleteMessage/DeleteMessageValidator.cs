using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Messages.DeleteMessage;

public sealed class DeleteMessageValidator : AbstractValidator<DeleteMessage>
{
    public DeleteMessageValidator()
    {
        RuleFor(c => c.MessageId).ValidId("invalid_message_id");
        RuleFor(c => c.For)
            .Must(scope => scope is null || WireValue.TryParse<DeleteScope>(scope, out _))
            .WithErrorCode("invalid_delete_scope")
            .WithMessage("for must be 'me' or 'everyone'.");
    }
}
