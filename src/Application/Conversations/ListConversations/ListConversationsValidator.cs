using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.ListConversations;

public sealed class ListConversationsValidator : AbstractValidator<ListConversations>
{
    public ListConversationsValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}
