using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Messages.PinMessage;

public sealed class PinMessageValidator : AbstractValidator<PinMessage>
{
    public PinMessageValidator() => RuleFor(c => c.MessageId).ValidId("invalid_message_id");
}
