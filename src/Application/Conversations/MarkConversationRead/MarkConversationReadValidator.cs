using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.MarkConversationRead;

public sealed class MarkConversationReadValidator : AbstractValidator<MarkConversationRead>
{
    public MarkConversationReadValidator()
    {
        RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
        RuleFor(c => c.MessageId).ValidId("invalid_message_id");
    }
}
