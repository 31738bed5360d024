using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.GetConversation;

public sealed class GetConversationValidator : AbstractValidator<GetConversation>
{
    public GetConversationValidator() => RuleFor(q => q.ConversationId).ValidId("invalid_conversation_id");
}
