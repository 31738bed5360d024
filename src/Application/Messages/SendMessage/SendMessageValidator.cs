using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Messages;
using FluentValidation;

namespace Astegni.Chat.Application.Messages.SendMessage;

public sealed class SendMessageValidator : AbstractValidator<SendMessage>
{
    /// <summary>The types that carry an uploaded media item.</summary>
    public static readonly string[] MediaTypes =
        [.. new[] { MessageType.Image, MessageType.Gif, MessageType.File, MessageType.Audio, MessageType.Video }.Select(t => WireValue.Of(t))];

    /// <summary>What a person may send (system notices come only from other modules).</summary>
    public static readonly string[] SendableTypes = [WireValue.Of(MessageType.Text), WireValue.Of(MessageType.Location), .. MediaTypes];

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

        // A forward takes its type, content and media from the message it copies.
        When(c => c.ForwardOfMessageId is null, () =>
        {
            RuleFor(c => c.MessageType)
                .Must(type => SendableTypes.Contains(type))
                .WithErrorCode("unsupported_message_type")
                .WithMessage($"message_type must be one of {string.Join(", ", SendableTypes)}.");
            When(c => c.MessageType == WireValue.Of(MessageType.Text), () =>
                RuleFor(c => c.Content)
                    .Must(content => !string.IsNullOrWhiteSpace(content))
                    .WithErrorCode(MessageBody.EmptyText.Code)
                    .WithMessage(MessageBody.EmptyText.Message));
            When(c => MediaTypes.Contains(c.MessageType), () =>
                RuleFor(c => c.MediaId)
                    .NotNull()
                    .WithErrorCode("media_required")
                    .WithMessage("An image, gif, file, audio or video message needs the media_id of an item you uploaded.")
                    .GreaterThan(0)
                    .WithErrorCode("invalid_media_id")
                    .WithMessage("media_id must be a media id."))
                .Otherwise(() =>
                    RuleFor(c => c.MediaId)
                        .Null()
                        .WithErrorCode("media_not_expected")
                        .WithMessage("Only image, gif, file, audio and video messages carry a media_id."));
            RuleFor(c => c.Content)
                .MaximumLength(MessageBody.MaxTextLength)
                .WithErrorCode(MessageBody.TextTooLong.Code)
                .WithMessage(MessageBody.TextTooLong.Message);
        }).Otherwise(() =>
        {
            RuleFor(c => c.Content)
                .Must(string.IsNullOrEmpty)
                .WithErrorCode("forward_takes_no_content")
                .WithMessage("A forward copies the original's content; send no content with it.");
            RuleFor(c => c.MediaId)
                .Null()
                .WithErrorCode("forward_takes_no_content")
                .WithMessage("A forward copies the original's media; send no media_id with it.");
        });
    }
}
