using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.SignalTyping;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.ListTypingUsers;

/// <summary>
/// Who is typing in this conversation right now, as the hub would have told me: the indicators
/// <see cref="SignalTyping"/> showed to me (so the typer's setting and blocks at that moment apply), minus anyone in a
/// block relation with me since. For clients that poll instead of listening to the hub (Astegni's chat modal).
/// </summary>
public sealed record ListTypingUsers(int ConversationId) : IChatQuery<TypingNow>;

public sealed record TypingNow(IReadOnlyList<TypingUserView> TypingUsers, bool IsSomeoneTyping);

public sealed record TypingUserView(int UserId, string Name, string? Avatar);

public sealed class ListTypingUsersHandler(IChatDbContext db, ICurrentUser currentUser, TypingTracker typing)
    : IQueryHandler<ListTypingUsers, Result<TypingNow>>
{
    public async ValueTask<Result<TypingNow>> Handle(ListTypingUsers query, CancellationToken cancellationToken)
    {
        var viewer = currentUser.Id;
        var membership = await db.MembershipOf(query.ConversationId, viewer).FirstOrDefaultAsync(cancellationToken);
        if (membership is null)
        {
            return ConversationErrors.NotFound;
        }

        var conversationId = membership.ConversationId;

        var typers = await typing.TypersShownToAsync(conversationId, viewer, cancellationToken);
        if (typers.Count == 0)
        {
            return new TypingNow([], false);
        }

        var users = await db.Users
            .Where(u => typers.Contains(u.Id)
                        && !db.Blocks.Any(b => (b.BlockerUserId == viewer && b.BlockedUserId == u.Id)
                                               || (b.BlockerUserId == u.Id && b.BlockedUserId == viewer)))
            .OrderBy(u => u.Id)
            .ToListAsync(cancellationToken);
        var views = users.ConvertAll(u => new TypingUserView(u.Id.Value, MessageViews.NameOf(u), u.ProfilePicture));
        return new TypingNow(views, views.Count > 0);
    }
}
