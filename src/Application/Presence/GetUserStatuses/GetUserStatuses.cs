using System.Text.Json.Serialization;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Policies;
using Astegni.Chat.Domain.Privacy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Presence.GetUserStatuses;

/// <summary>
/// Online now and last seen for several users at once, each as far as their privacy settings and blocks
/// let me see it (<see cref="PresenceVisibilityPolicy"/>). Unknown users look like users who hide everything.
/// </summary>
public sealed record GetUserStatuses(IReadOnlyList<int> UserIds) : IChatQuery<UserStatuses>
{
    public const int MaxUserIds = 200;
}

public sealed record UserStatuses(IReadOnlyList<UserStatusView> Statuses);

/// <summary>One user's presence as I may see it; a hidden part is left out of the JSON, not sent as null.</summary>
public sealed record UserStatusView(
    int UserId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsOnline,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? LastSeen);

public sealed class GetUserStatusesHandler(IChatDbContext db, ICurrentUser currentUser, IPresenceStore presence, TimeProvider clock)
    : IQueryHandler<GetUserStatuses, Result<UserStatuses>>
{
    public async ValueTask<Result<UserStatuses>> Handle(GetUserStatuses query, CancellationToken cancellationToken)
    {
        var viewer = currentUser.Id;
        var ids = query.UserIds.Distinct().Select(id => new UserId(id)).ToList();

        // One round trip for every id: settings, blocks both ways, connection, last seen.
        var rows = await db.Users
            .Where(u => ids.Contains(u.Id) && u.IsActive)
            .Select(u => new
            {
                u.Id,
                Settings = db.PrivacySettings.FirstOrDefault(s => s.UserId == u.Id),
                ViewerBlockedTarget = db.Blocks.Any(b => b.BlockerUserId == viewer && b.BlockedUserId == u.Id),
                TargetBlockedViewer = db.Blocks.Any(b => b.BlockerUserId == u.Id && b.BlockedUserId == viewer),
                Connected = db.Connections.Any(c => c.Status == ConnectionRecord.Accepted
                                                    && ((c.RequestedBy == viewer && c.RecipientId == u.Id)
                                                        || (c.RequestedBy == u.Id && c.RecipientId == viewer))),
                LastSeenAt = db.Presence.Where(p => p.UserId == u.Id).Select(p => (DateTimeOffset?)p.LastSeenAt).FirstOrDefault(),
            })
            .ToDictionaryAsync(r => r.Id, cancellationToken);

        var now = clock.GetUtcNow();
        var online = await presence.OnlineAmongAsync(ids, cancellationToken);
        var statuses = ids.ConvertAll(id =>
        {
            if (!rows.TryGetValue(id, out var row))
            {
                return new UserStatusView(id.Value, null, null);
            }

            var visible = PresenceVisibilityPolicy.Evaluate(
                viewer,
                new RelationshipFacts(row.ViewerBlockedTarget, row.TargetBlockedViewer, row.Connected),
                row.Settings ?? PrivacySettings.Defaults(id, now));
            return new UserStatusView(
                id.Value,
                visible.OnlineStatus ? online.Contains(id) : null,
                visible.LastSeen ? row.LastSeenAt : null);
        });
        return new UserStatuses(statuses);
    }
}
