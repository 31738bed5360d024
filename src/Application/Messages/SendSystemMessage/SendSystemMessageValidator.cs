using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Messages;
using FluentValidation;

namespace Astegni.Chat.Application.Messages.SendSystemMessage;

public sealed class SendSystemMessageValidator : AbstractValidator<SendSystemMessage>
{
    public SendSystemMessageValidator()
    {
        RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
        RuleFor(c => c.Content)
            .Must(content => !string.IsNullOrWhiteSpace(content))
            .WithErrorCode(MessageBody.EmptyText.Code)
            .WithMessage(MessageBody.EmptyText.Message)
            .MaximumLength(MessageBody.MaxTextLength)
            .WithErrorCode(MessageBody.TextTooLong.Code)
            .WithMessage(MessageBody.TextTooLong.Message);
    }
}
