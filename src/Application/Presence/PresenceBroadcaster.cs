using System.Text.Json.Serialization;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Astegni.Chat.Application.Presence;

/// <summary>
/// Tells the people who may care that a user came online or went offline: those who share an active
/// conversation with them, are connected to the hub right now, and may see it (<see cref="PresenceVisibilityPolicy"/>).
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="MaxAudience"/> co-members, those of the most recently active shared
/// conversations, are considered, whatever the size of the user's groups. Anyone else who wants to know
/// asks <c>GET /api/chat/users/status</c> (realtime is a hint, REST is the truth).
/// </remarks>
public sealed partial class PresenceBroadcaster(
    IChatDbContext db, IRealtimePublisher realtime, IPresenceStore presence, PolicyFacts policyFacts, ILogger<PresenceBroadcaster> logger)
{
    public const string EventName = "presence_changed";
    public const int MaxAudience = 1000;

    /// <summary>
    /// Pushes the change. What the audience is comes from the database: a failure to read it (an outage)
    /// reaches the caller, which retries when the database is back (the hub keeps the connection). The push
    /// itself is a hint: a failure there is logged and never undoes the connection bookkeeping.
    /// </summary>
    public async Task AnnounceAsync(UserId user, bool isOnline, DateTimeOffset? lastSeen, CancellationToken cancellationToken)
    {
        var viewers = await AudienceAsync(user, cancellationToken);
        var onlineIds = await presence.OnlineAmongAsync(viewers.ConvertAll(v => v.ViewerId), cancellationToken);
        var online = viewers.Where(v => onlineIds.Contains(v.ViewerId)).ToList();
        if (online.Count == 0)
        {
            return;
        }

        var settings = await policyFacts.SettingsOfAsync(user, cancellationToken);
        var byPayload = online
            .Select(v => (v.ViewerId, Visible: PresenceVisibilityPolicy.Evaluate(
                v.ViewerId, new RelationshipFacts(v.ViewerBlockedUser, v.UserBlockedViewer, v.Connected), settings)))
            .Select(v => (v.ViewerId, Payload: new PresenceChangedEvent(
                user.Value,
                v.Visible.OnlineStatus ? isOnline : null,
                v.Visible.LastSeen ? lastSeen : null)))
            .Where(v => v.Payload.IsOnline is not null || v.Payload.LastSeen is not null)
            .GroupBy(v => v.Payload, v => v.ViewerId);
        try
        {
            foreach (var group in byPayload)
            {
                await realtime.PublishAsync(group.ToList(), EventName, group.Key, cancellationToken);
            }
        }
#pragma warning disable CA1031 // see the summary: logged, and the connection carries on
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogAnnounceFailed(logger, exception, isOnline);
        }
    }

    /// <summary>The members of my active conversations, most recent shared activity first, with what the policy needs.</summary>
    private Task<List<AudienceRow>> AudienceAsync(UserId user, CancellationToken cancellationToken)
    {
        var mine = db.Participants.Where(p => p.UserId == user && p.IsActive).Select(p => p.ConversationId);
        var coMembers =
            from p in db.Participants
            join c in db.Conversations on p.ConversationId equals c.Id
            where p.IsActive && p.UserId != user && mine.Contains(p.ConversationId)
            group c by p.UserId
            into shared
            select new { ViewerId = shared.Key, Activity = shared.Max(c => c.LastMessageAt ?? c.CreatedAt) };
        return coMembers
            .OrderByDescending(v => v.Activity)
            .Take(MaxAudience)
            .Select(v => new AudienceRow(
                v.ViewerId,
                db.Blocks.Any(b => b.BlockerUserId == v.ViewerId && b.BlockedUserId == user),
                db.Blocks.Any(b => b.BlockerUserId == user && b.BlockedUserId == v.ViewerId),
                db.Connections.Any(c => c.Status == ConnectionRecord.Accepted
                                        && ((c.RequestedBy == user && c.RecipientId == v.ViewerId)
                                            || (c.RequestedBy == v.ViewerId && c.RecipientId == user)))))
            .ToListAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing a presence change (online: {IsOnline}) failed")]
    private static partial void LogAnnounceFailed(ILogger logger, Exception exception, bool isOnline);

    private sealed record AudienceRow(UserId ViewerId, bool ViewerBlockedUser, bool UserBlockedViewer, bool Connected);
}

/// <summary>The hub event <c>presence_changed {user_id, is_online?, last_seen?}</c>; what the viewer may not see is left out.</summary>
public sealed record PresenceChangedEvent(
    int UserId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsOnline,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? LastSeen);
