using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.Views;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Conversations.ListConversations;

/// <summary>
/// My conversations, one page per call (one SQL round trip): pinned ones first, then most recent
/// activity first. Archived ones only when <see cref="Archived"/> asks for them; ones I deleted only
/// once a newer message arrived. <see cref="Query"/> narrows to group names and people's names.
/// </summary>
public sealed record ListConversations(int? Limit = null, string? Cursor = null, bool Archived = false, string? Query = null)
    : IChatQuery<ConversationPage>;

public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Conversations, string? NextCursor);

public sealed class ListConversationsHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListConversations, Result<ConversationPage>>
{
    public async ValueTask<Result<ConversationPage>> Handle(ListConversations query, CancellationToken cancellationToken)
    {
        var viewer = currentUser.Id;
        var limit = query.Limit ?? Paging.DefaultLimit;
        var rows = ConversationSummaries.Rows(db, viewer)
            .Where(r => r.Me.IsArchived == query.Archived)
            .Where(r => r.Me.HiddenAt == null || r.Conversation.LastMessageAt > r.Me.HiddenAt);
        if (query.Query is { } text)
        {
            rows = rows.Named(db, viewer, text);
        }

        if (ConversationListCursor.TryDecode(query.Cursor, out var cursor))
        {
            var (activity, id) = (cursor.Activity, cursor.Id);
            rows = cursor.Pinned
                ? rows.Where(r => !r.Me.IsPinned || r.Activity < activity || (r.Activity == activity && r.Conversation.Id < id))
                : rows.Where(r => !r.Me.IsPinned && (r.Activity < activity || (r.Activity == activity && r.Conversation.Id < id)));
        }

        var page = await ConversationSummaries.LoadAsync(
            rows.OrderByDescending(r => r.Me.IsPinned)
                .ThenByDescending(r => r.Activity)
                .ThenByDescending(r => r.Conversation.Id)
                .Take(limit + 1),
            clock.GetUtcNow(),
            cancellationToken);

        string? next = null;
        if (page.Count > limit)
        {
            page.RemoveAt(limit);
            var last = page[^1];
            next = new ConversationListCursor(last.IsPinned, last.UpdatedAt, new ConversationId(last.Id)).Encode();
        }

        return new ConversationPage(page, next);
    }
}
