using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.OpenDirectConversation;

public sealed class OpenDirectConversationValidator : AbstractValidator<OpenDirectConversation>
{
    public OpenDirectConversationValidator() => RuleFor(c => c.UserId).ValidId("invalid_user_id");
}
