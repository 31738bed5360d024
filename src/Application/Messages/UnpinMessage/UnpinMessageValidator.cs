using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Messages.UnpinMessage;

public sealed class UnpinMessageValidator : AbstractValidator<UnpinMessage>
{
    public UnpinMessageValidator() => RuleFor(c => c.MessageId).ValidId("invalid_message_id");
}
