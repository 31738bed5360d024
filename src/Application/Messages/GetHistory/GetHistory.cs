using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Messages.GetHistory;

/// <summary>
/// A page of a conversation's messages, newest first. <see cref="Before"/> walks back into older
/// messages, <see cref="After"/> forward to newer ones; both are message ids. <see cref="Since"/> is
/// <see cref="After"/> by time: the messages created after that moment (old clients poll with their
/// newest message's timestamp).
/// </summary>
public sealed record GetHistory(int ConversationId, int? Before = null, int? After = null, int? Limit = null, DateTimeOffset? Since = null)
    : IChatQuery<HistoryPage>;

public sealed record HistoryPage(IReadOnlyList<MessageView> Messages, bool HasMore);

public sealed class GetHistoryHandler(IChatDbContext db, ICurrentUser currentUser, SignedMediaUrls links) : IQueryHandler<GetHistory, Result<HistoryPage>>
{
    public async ValueTask<Result<HistoryPage>> Handle(GetHistory query, CancellationToken cancellationToken)
    {
        var page = await PageAsync(query, currentUser.Id, cancellationToken);
        return page is null ? ConversationErrors.NotFound : page;
    }

    /// <summary>One page, or null when the viewer is no member. One round trip when there are messages.</summary>
    private async Task<HistoryPage?> PageAsync(GetHistory query, UserId viewer, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Paging.DefaultLimit;
        var visible = MessageAccess.VisibleTo(db, viewer).InConversation(db, query.ConversationId, m => m.ConversationId);
        IQueryable<Message> page;
        var ascending = false;
        if (query.After is { } after)
        {
            var afterId = new MessageId(after);
            page = visible.Where(m => m.Id > afterId).OrderBy(m => m.Id);
            ascending = true;
        }
        else if (query.Since is { } since)
        {
            page = visible.Where(m => m.CreatedAt > since).OrderBy(m => m.Id);
            ascending = true;
        }
        else if (query.Before is { } before)
        {
            var beforeId = new MessageId(before);
            page = visible.Where(m => m.Id < beforeId).OrderByDescending(m => m.Id);
        }
        else
        {
            page = visible.OrderByDescending(m => m.Id);
        }

        var messages = await MessageViews.LoadAsync(db, page.Take(limit + 1), viewer, links, cancellationToken);
        if (messages.Count == 0 && !await db.MembershipOf(query.ConversationId, viewer).AnyAsync(cancellationToken))
        {
            return null;
        }

        var hasMore = messages.Count > limit;
        if (hasMore)
        {
            messages.RemoveAt(limit);
        }

        if (ascending)
        {
            messages.Reverse();
        }

        return new HistoryPage(messages, hasMore);
    }
}
