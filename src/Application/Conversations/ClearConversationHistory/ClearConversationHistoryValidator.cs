using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.ClearConversationHistory;

public sealed class ClearConversationHistoryValidator : AbstractValidator<ClearConversationHistory>
{
    public ClearConversationHistoryValidator() => RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
}
