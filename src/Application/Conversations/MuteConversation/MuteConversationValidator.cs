using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.MuteConversation;

// Whether "until" lies ahead is the participant's rule (Participant.Mute), checked against the clock there.
public sealed class MuteConversationValidator : AbstractValidator<MuteConversation>
{
    public MuteConversationValidator() => RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
}
