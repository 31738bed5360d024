using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Messages.ListPinnedMessages;

/// <summary>
/// The pinned messages of a conversation I am a member of, most recently pinned first; only those I can
/// see. Over REST they come as <c>pinned_messages</c> of the conversation (GET /conversations/{id}).
/// </summary>
public sealed record ListPinnedMessages(int ConversationId) : IChatQuery<PinnedMessages>;

public sealed record PinnedMessages(IReadOnlyList<MessageView> Messages);

public sealed class ListPinnedMessagesHandler(IChatDbContext db, ICurrentUser currentUser, SignedMediaUrls links)
    : IQueryHandler<ListPinnedMessages, Result<PinnedMessages>>
{
    /// <summary>Enough for any screen; a conversation rarely has more than a handful.</summary>
    public const int MaxPinned = 100;

    public async ValueTask<Result<PinnedMessages>> Handle(ListPinnedMessages query, CancellationToken cancellationToken)
    {
        var viewer = currentUser.Id;
        if (!await db.MembershipOf(query.ConversationId, viewer).AnyAsync(cancellationToken))
        {
            return ConversationErrors.NotFound;
        }

        var pinned = MessageAccess.VisibleTo(db, viewer)
            .InConversation(db, query.ConversationId, m => m.ConversationId)
            .Where(m => m.IsPinned)
            .OrderByDescending(m => m.PinnedAt)
            .ThenByDescending(m => m.Id)
            .Take(MaxPinned);
        return new PinnedMessages(await MessageViews.LoadAsync(db, pinned, viewer, links, cancellationToken));
    }
}
