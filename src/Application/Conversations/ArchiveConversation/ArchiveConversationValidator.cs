using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.ArchiveConversation;

public sealed class ArchiveConversationValidator : AbstractValidator<ArchiveConversation>
{
    public ArchiveConversationValidator() => RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
}
