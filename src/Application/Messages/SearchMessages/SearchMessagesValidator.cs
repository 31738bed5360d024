using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.Views;
using FluentValidation;

namespace Astegni.Chat.Application.Messages.SearchMessages;

public sealed class SearchMessagesValidator : AbstractValidator<SearchMessages>
{
    public SearchMessagesValidator()
    {
        RuleFor(q => q.Query)
            .NotNull()
            .WithErrorCode(SearchTextRules.InvalidCode)
            .WithMessage("q is required: the words to look for.")
            .ValidSearchText();
        RuleFor(q => q.ConversationId).GreaterThan(0).WithErrorCode("invalid_conversation_id").WithMessage("conversation_id must be a positive id.");
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}
