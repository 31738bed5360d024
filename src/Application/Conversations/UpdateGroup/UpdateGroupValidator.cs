using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.Groups;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.UpdateGroup;

// Name and description rules belong to the group itself (Conversation.Rename, ChangeDescription).
public sealed class UpdateGroupValidator : AbstractValidator<UpdateGroup>
{
    public UpdateGroupValidator()
    {
        RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
        RuleFor(c => c.AvatarMediaId).MediaNotSupportedYet();
    }
}
