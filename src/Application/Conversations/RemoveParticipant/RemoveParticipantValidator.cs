using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.RemoveParticipant;

public sealed class RemoveParticipantValidator : AbstractValidator<RemoveParticipant>
{
    public RemoveParticipantValidator()
    {
        RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
        RuleFor(c => c.UserId).ValidId("invalid_user_id");
    }
}
