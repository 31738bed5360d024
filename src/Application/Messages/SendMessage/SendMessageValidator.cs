using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Messages;
using FluentValidation;

namespace Astegni.Chat.Application.Messages.SendMessage;

public sealed class SendMessageValidator : AbstractValidator<SendMessage>
{
    public SendMessageValidator()
    {
        RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
        RuleFor(c => c.ClientMessageId)
            .Must(id => id is null || (id.Length is > 0 and <= Message.MaxClientMessageIdLength))
            .WithErrorCode("invalid_client_message_id")
            .WithMessage($"client_message_id must be 1 to {Message.MaxClientMessageIdLength} characters.");
        RuleFor(c => c.ReplyToId).GreaterThan(0).WithErrorCode("invalid_reply_to_id").WithMessage("reply_to_id must be a message id.");
        RuleFor(c => c.ForwardOfMessageId)
            .GreaterThan(0)
            .WithErrorCode("invalid_forward_of_message_id")
            .WithMessage("forward_of_message_id must be a message id.");
        RuleFor(c => c.ReplyToId)
            .Null()
            .When(c => c.ForwardOfMessageId is not null)
            .WithErrorCode("cannot_reply_and_forward")
            .WithMessage("A message either replies or forwards, not both.");

        // A forward takes its type and content from the message it copies.
        When(c => c.ForwardOfMessageId is null, () =>
        {
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
        }).Otherwise(() =>
            RuleFor(c => c.Content)
                .Must(string.IsNullOrEmpty)
                .WithErrorCode("forward_takes_no_content")
                .WithMessage("A forward copies the original's content; send no content with it."));
    }
}
