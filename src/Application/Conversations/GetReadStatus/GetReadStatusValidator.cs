using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.GetReadStatus;

public sealed class GetReadStatusValidator : AbstractValidator<GetReadStatus>
{
    public GetReadStatusValidator() => RuleFor(q => q.ConversationId).ValidId("invalid_conversation_id");
}
