using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.Views;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Contacts.ListContacts;

/// <summary>
/// My contacts: the people with an accepted connection to me (in either direction, whichever roles it
/// joins), each once, with the name and avatar chat shows and our direct conversation when there is
/// one. Most recent connection first; <see cref="Query"/> narrows by name. One SQL statement per page.
/// </summary>
public sealed record ListContacts(string? Query = null, int? Limit = null, string? Cursor = null) : IChatQuery<ContactPage>;

public sealed record ContactView(int UserId, string Name, string? AvatarUrl, int? ConversationId);

public sealed record ContactPage(IReadOnlyList<ContactView> Contacts, string? NextCursor);

public sealed class ListContactsHandler(IChatDbContext db, ICurrentUser currentUser) : IQueryHandler<ListContacts, Result<ContactPage>>
{
    public async ValueTask<Result<ContactPage>> Handle(ListContacts query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id;
        var limit = query.Limit ?? Paging.DefaultLimit;

        // Astegni connects role profiles, so two people may share several accepted rows: one contact
        // each, placed by their newest connection (its id, unique per contact, is the page key).
        var contacts =
            from c in db.Connections
            where c.Status == ConnectionRecord.Accepted && (c.RequestedBy == me || c.RecipientId == me) && c.RequestedBy != c.RecipientId
            group c by c.RequestedBy == me ? c.RecipientId : c.RequestedBy into pair
            select new { UserId = pair.Key, Key = pair.Max(c => c.Id) };
        if (Cursor.TryDecode(query.Cursor, out var cursor))
        {
            contacts = contacts.Where(c => c.Key < cursor.Id);
        }

        var users = db.Users.Where(u => u.IsActive);
        if (query.Query is { } text)
        {
            users = UserNameSearch.Named(users, UserNameSearch.Needle(text));
        }

        var rows = await (
            from c in contacts
            join u in users on c.UserId equals u.Id
            orderby c.Key descending
            select new
            {
                c.Key,
                User = u,
                ConversationId = db.Conversations
                    .Where(d => d.Type == ConversationType.Direct
                                && ((d.DirectUserLowId == me && d.DirectUserHighId == u.Id) || (d.DirectUserLowId == u.Id && d.DirectUserHighId == me)))
                    .Select(d => (ConversationId?)d.Id)
                    .FirstOrDefault(),
            }).Take(limit + 1).ToListAsync(cancellationToken);

        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = new Cursor(0, rows[^1].Key).Encode();
        }

        return new ContactPage(
            rows.ConvertAll(r => new ContactView(r.User.Id.Value, MessageViews.NameOf(r.User), r.User.ProfilePicture, r.ConversationId?.Value)),
            next);
    }
}
