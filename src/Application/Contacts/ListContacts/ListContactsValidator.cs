using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.Views;
using FluentValidation;

namespace Astegni.Chat.Application.Contacts.ListContacts;

public sealed class ListContactsValidator : AbstractValidator<ListContacts>
{
    public ListContactsValidator()
    {
        RuleFor(q => q.Query).ValidSearchText();
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}
