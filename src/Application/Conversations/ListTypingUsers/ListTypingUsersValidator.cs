using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.ListTypingUsers;

public sealed class ListTypingUsersValidator : AbstractValidator<ListTypingUsers>
{
    public ListTypingUsersValidator() => RuleFor(q => q.ConversationId).ValidId("invalid_conversation_id");
}
