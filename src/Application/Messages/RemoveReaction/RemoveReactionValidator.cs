using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Messages.RemoveReaction;

public sealed class RemoveReactionValidator : AbstractValidator<RemoveReaction>
{
    public RemoveReactionValidator() => RuleFor(c => c.MessageId).ValidId("invalid_message_id");
}
