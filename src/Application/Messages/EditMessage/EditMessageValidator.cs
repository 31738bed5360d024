using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Messages;
using FluentValidation;

namespace Astegni.Chat.Application.Messages.EditMessage;

public sealed class EditMessageValidator : AbstractValidator<EditMessage>
{
    public EditMessageValidator()
    {
        RuleFor(c => c.MessageId).ValidId("invalid_message_id");
        RuleFor(c => c.Content)
            .Must(content => !string.IsNullOrWhiteSpace(content))
            .WithErrorCode(MessageBody.EmptyText.Code)
            .WithMessage(MessageBody.EmptyText.Message)
            .MaximumLength(MessageBody.MaxTextLength)
            .WithErrorCode(MessageBody.TextTooLong.Code)
            .WithMessage(MessageBody.TextTooLong.Message);
    }
}
