using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Messages.SearchMessages;

/// <summary>
/// Messages containing every word of <see cref="Query"/>, across my conversations or within one, newest
/// first. Only what my history would show: my active conversations, nothing deleted for me or for
/// everyone, nothing before I cleared the history or (in a group) before I joined.
/// </summary>
public sealed record SearchMessages(string Query, int? ConversationId = null, string? Cursor = null, int? Limit = null)
    : IChatQuery<MessageSearchPage>;

public sealed record MessageSearchPage(IReadOnlyList<MessageView> Messages, string? NextCursor);

public sealed class SearchMessagesHandler(
    IChatDbContext db, ICurrentUser currentUser, IMessageSearch search, SignedMediaUrls links, IOptions<ChatOptions> options)
    : IQueryHandler<SearchMessages, Result<MessageSearchPage>>
{
    public static readonly Error TimedOut = Error.TimedOut(
        "search_timed_out",
        "The search took too long. Try more or rarer words, or search within one conversation.");

    public async ValueTask<Result<MessageSearchPage>> Handle(SearchMessages query, CancellationToken cancellationToken)
    {
        var viewer = currentUser.Id;
        var limit = query.Limit ?? Paging.DefaultLimit;

        // The same visibility as history (GetHistory), plus: tombstones have no words to find.
        var visible = MessageAccess.VisibleTo(db, viewer).Where(m => !m.IsDeleted);

        if (query.ConversationId is { } within)
        {
            visible = visible.InConversation(db, within, m => m.ConversationId);
        }

        var found = search.ContainingWords(visible, query.Query);
        if (Cursor.TryDecode(query.Cursor, out var cursor))
        {
            var before = new MessageId(cursor.Id);
            found = found.Where(m => m.Id < before);
        }

        List<MessageView> messages;
        using (var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            // Cancelling a running query makes the driver ask the server to cancel it, so a search that would
            // walk too much history stops there, instead of holding a connection until the command timeout.
            bound.CancelAfter(options.Value.SearchTimeout);
            try
            {
                messages = await MessageViews.LoadAsync(db, found.OrderByDescending(m => m.Id).Take(limit + 1), viewer, links, bound.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return TimedOut;
            }
        }

        if (messages.Count == 0 && query.ConversationId is { } asked && !await db.MembershipOf(asked, viewer).AnyAsync(cancellationToken))
        {
            return ConversationErrors.NotFound;
        }

        string? next = null;
        if (messages.Count > limit)
        {
            messages.RemoveAt(limit);
            next = new Cursor(0, messages[^1].Id).Encode();
        }

        return new MessageSearchPage(messages, next);
    }
}
