using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.PinConversation;

public sealed class PinConversationValidator : AbstractValidator<PinConversation>
{
    public PinConversationValidator() => RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
}
