using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.Views;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Conversations.ListConversations;

/// <summary>My conversations, most recent activity first, one page per call (one SQL round trip).</summary>
public sealed record ListConversations(int? Limit = null, string? Cursor = null, bool Archived = false)
    : IChatQuery<ConversationPage>;

public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Conversations, string? NextCursor);

public sealed class ListConversationsHandler(IChatDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListConversations, Result<ConversationPage>>
{
    public async ValueTask<Result<ConversationPage>> Handle(ListConversations query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Paging.DefaultLimit;
        var rows = ConversationSummaries.Rows(db, currentUser.Id).Where(r => r.Me.IsArchived == query.Archived);
        if (Cursor.TryDecode(query.Cursor, out var cursor))
        {
            var activity = new DateTimeOffset(cursor.Key, TimeSpan.Zero);
            var id = new ConversationId(cursor.Id);
            rows = rows.Where(r => r.Activity < activity || (r.Activity == activity && r.Conversation.Id < id));
        }

        var page = await ConversationSummaries.LoadAsync(
            rows.OrderByDescending(r => r.Activity).ThenByDescending(r => r.Conversation.Id).Take(limit + 1),
            cancellationToken);

        string? next = null;
        if (page.Count > limit)
        {
            page.RemoveAt(limit);
            var last = page[^1];
            next = new Cursor(last.UpdatedAt.UtcTicks, last.Id).Encode();
        }

        return new ConversationPage(page, next);
    }
}
