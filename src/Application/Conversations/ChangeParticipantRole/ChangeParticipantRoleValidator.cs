using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Conversations;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.ChangeParticipantRole;

public sealed class ChangeParticipantRoleValidator : AbstractValidator<ChangeParticipantRole>
{
    public ChangeParticipantRoleValidator()
    {
        RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
        RuleFor(c => c.UserId).ValidId("invalid_user_id");
        RuleFor(c => c.Role)
            .Must(role => WireValue.TryParse<ParticipantRole>(role, out _))
            .WithErrorCode("invalid_role")
            .WithMessage($"role must be one of: {string.Join(", ", WireValue.AllOf<ParticipantRole>())}.");
    }
}
