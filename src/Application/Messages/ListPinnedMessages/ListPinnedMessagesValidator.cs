using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Messages.ListPinnedMessages;

public sealed class ListPinnedMessagesValidator : AbstractValidator<ListPinnedMessages>
{
    public ListPinnedMessagesValidator() => RuleFor(q => q.ConversationId).ValidId("invalid_conversation_id");
}
