using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.Views;
using FluentValidation;

namespace Astegni.Chat.Application.Conversations.ListConversations;

public sealed class ListConversationsValidator : AbstractValidator<ListConversations>
{
    public ListConversationsValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor)
            .Must(text => text is null || ConversationListCursor.TryDecode(text, out _))
            .WithErrorCode("invalid_cursor")
            .WithMessage("cursor is not one this service handed out.");
        RuleFor(q => q.Query).ValidSearchText();
    }
}
