using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Conversations;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Conversations.AddParticipants;

public sealed class AddParticipantsValidator : AbstractValidator<AddParticipants>
{
    public AddParticipantsValidator(IOptions<ChatOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
        RuleFor(c => c.ParticipantUserIds)
            .Must(ids => ids is { Count: > 0 })
            .WithErrorCode("invalid_participants")
            .WithMessage("participant_user_ids must name at least one person to add.")
            .Must(ids => ids is null || ids.Count <= options.Value.GroupMemberLimit)
            .WithErrorCode(GroupErrors.MemberLimitReached.Code)
            .WithMessage($"A group holds at most {options.Value.GroupMemberLimit} members.");
        RuleForEach(c => c.ParticipantUserIds).ValidId("invalid_user_id").OverridePropertyName("participant_user_ids");
    }
}
