using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.DeleteConversation;

public sealed class DeleteConversationValidator : AbstractValidator<DeleteConversation>
{
    public DeleteConversationValidator() => RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
}
