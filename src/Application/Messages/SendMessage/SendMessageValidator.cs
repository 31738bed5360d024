using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Messages;
using FluentValidation;

namespace Astegni.Chat.Application.Messages.SendMessage;

public sealed class SendMessageValidator : AbstractValidator<SendMessage>
{
    public SendMessageValidator()
    {
        RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
        RuleFor(c => c.MessageType)
            .Must(type => type == WireValue.Of(MessageType.Text))
            .WithErrorCode("unsupported_message_type")
            .WithMessage("message_type must be 'text'; media messages need an uploaded media item.");
        RuleFor(c => c.Content)
            .Must(content => !string.IsNullOrWhiteSpace(content))
            .WithErrorCode(MessageBody.EmptyText.Code)
            .WithMessage(MessageBody.EmptyText.Message)
            .MaximumLength(MessageBody.MaxTextLength)
            .WithErrorCode(MessageBody.TextTooLong.Code)
            .WithMessage(MessageBody.TextTooLong.Message);
        RuleFor(c => c.ClientMessageId)
            .Must(id => id is null || (id.Length is > 0 and <= Message.MaxClientMessageIdLength))
            .WithErrorCode("invalid_client_message_id")
            .WithMessage($"client_message_id must be 1 to {Message.MaxClientMessageIdLength} characters.");
    }
}
