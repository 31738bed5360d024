using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.Groups;
using Astegni.Chat.Domain.Conversations;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Conversations.CreateGroup;

// The name and description are the group's own rules (Conversation.CreateGroup); here only the request's shape.
public sealed class CreateGroupValidator : AbstractValidator<CreateGroup>
{
    public CreateGroupValidator(IOptions<ChatOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleForEach(c => c.ParticipantUserIds).ValidId("invalid_user_id").OverridePropertyName("participant_user_ids");
        RuleFor(c => c.ParticipantUserIds)
            .Must(ids => ids is null || ids.Count <= options.Value.GroupMemberLimit)
            .WithErrorCode(GroupErrors.MemberLimitReached.Code)
            .WithMessage($"A group holds at most {options.Value.GroupMemberLimit} members.");
        RuleFor(c => c.AvatarMediaId).MediaNotSupportedYet();
    }
}
