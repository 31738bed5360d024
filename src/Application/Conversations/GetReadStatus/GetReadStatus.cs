using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.GetReadStatus;

/// <summary>
/// How far each member has read, as far as <see cref="Domain.Policies.ReadReceiptPolicy"/> lets me see:
/// my own position always, another member's only when we both share read receipts and neither blocked
/// the other. A member who has read nothing yet is listed with null position and time.
/// </summary>
public sealed record GetReadStatus(int ConversationId) : IChatQuery<ReadStatusList>;

public sealed record ReadStatusList(IReadOnlyList<ReadPosition> ReadStatus);

public sealed record ReadPosition(int UserId, int? LastReadMessageId, DateTimeOffset? LastReadAt);

public sealed class GetReadStatusHandler(IChatDbContext db, ICurrentUser currentUser, PolicyFacts policyFacts)
    : IQueryHandler<GetReadStatus, Result<ReadStatusList>>
{
    public async ValueTask<Result<ReadStatusList>> Handle(GetReadStatus query, CancellationToken cancellationToken)
    {
        var viewer = currentUser.Id;
        var positions = await db.Participants.AsNoTracking()
            .InConversation(db, query.ConversationId, p => p.ConversationId)
            .Where(p => p.IsActive)
            .Select(p => new { p.ConversationId, p.UserId, p.LastReadMessageId, p.LastReadAt })
            .ToListAsync(cancellationToken);
        if (!positions.Exists(p => p.UserId == viewer))
        {
            return ConversationErrors.NotFound;
        }

        var conversationId = positions[0].ConversationId;
        var visible = (await policyFacts.WhoseReadPositionsAreSeenByAsync(conversationId, viewer, cancellationToken)).ToHashSet();
        visible.Add(viewer);
        return new ReadStatusList(positions
            .Where(p => visible.Contains(p.UserId))
            .OrderBy(p => p.UserId.Value)
            .Select(p => new ReadPosition(p.UserId.Value, p.LastReadMessageId?.Value, p.LastReadAt))
            .ToList());
    }
}
