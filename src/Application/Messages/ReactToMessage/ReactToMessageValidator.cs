using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Messages;
using FluentValidation;

namespace Astegni.Chat.Application.Messages.ReactToMessage;

public sealed class ReactToMessageValidator : AbstractValidator<ReactToMessage>
{
    public ReactToMessageValidator()
    {
        RuleFor(c => c.MessageId).ValidId("invalid_message_id");
        RuleFor(c => c.Reaction)
            .Must(Reaction.IsValid)
            .WithErrorCode(MessageErrors.InvalidReaction.Code)
            .WithMessage(MessageErrors.InvalidReaction.Message);
    }
}
