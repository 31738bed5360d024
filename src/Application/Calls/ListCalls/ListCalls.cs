using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations;
using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Calls.ListCalls;

/// <summary>
/// My call history, newest first: every call in my conversations, or in one of them
/// (<paramref name="ConversationId"/>). A call is mine to see when I was a member of its conversation
/// when it started (a group's calls from my joining to my leaving) and I have not cleared that
/// conversation's history since; leaving a direct chat (deleting my chat data) takes its calls away.
/// </summary>
public sealed record ListCalls(int? ConversationId = null, int? Limit = null, string? Cursor = null) : IChatQuery<CallsPage>;

public sealed record CallsPage(IReadOnlyList<CallView> Calls, string? NextCursor);

public sealed class ListCallsHandler(IChatDbContext db, ICallLogStore store, ICurrentUser currentUser) : IQueryHandler<ListCalls, Result<CallsPage>>
{
    public async ValueTask<Result<CallsPage>> Handle(ListCalls query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id;
        var limit = query.Limit ?? Paging.DefaultLimit;
        var calls = Cursor.TryDecode(query.Cursor, out var cursor)
            ? store.Before(new DateTimeOffset(cursor.Key, TimeSpan.Zero), new CallId(cursor.Id))
            : db.CallLogs;

        if (query.ConversationId is { } requested)
        {
            // Former members too: the calls from their time stay theirs to see.
            var conversationId = await db.Participants
                .InConversation(db, requested, p => p.ConversationId)
                .Where(p => p.UserId == me)
                .Select(p => (ConversationId?)p.ConversationId)
                .FirstOrDefaultAsync(cancellationToken);
            if (conversationId is null)
            {
                return ConversationErrors.NotFound;
            }

            calls = calls.Where(c => c.ConversationId == conversationId);
        }

        var rows = await (
            from c in calls.AsNoTracking()
            join p in db.Participants on c.ConversationId equals p.ConversationId
            join v in db.Conversations on c.ConversationId equals v.Id
            where p.UserId == me && p.Sees(v.Type, c)
            orderby c.StartedAt descending, c.Id descending
            select c).Take(limit + 1).Inlined().ToListAsync(cancellationToken);

        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = new Cursor(rows[^1].StartedAt.UtcTicks, rows[^1].Id.Value).Encode();
        }

        return new CallsPage(rows.ConvertAll(CallView.Of), next);
    }
}
