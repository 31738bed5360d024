using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.SignalTyping;

public sealed class SignalTypingValidator : AbstractValidator<SignalTyping>
{
    public SignalTypingValidator() => RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
}
