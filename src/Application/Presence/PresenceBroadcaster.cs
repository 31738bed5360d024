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
    IChatDbContext db, IRealtimePublisher realtime, PresenceTracker tracker, PolicyFacts policyFacts, ILogger<PresenceBroadcaster> logger)
{
    public const string EventName = "presence_changed";
    public const int MaxAudience = 1000;

    /// <summary>
    /// Pushes the change. Presence is a hint: a failure is logged and never undoes the connection
    /// bookkeeping (an exception here would close a hub connection without its disconnect ever being counted).
    /// </summary>
    public async Task AnnounceAsync(UserId user, bool isOnline, DateTimeOffset? lastSeen, CancellationToken cancellationToken)
    {
        try
        {
            await PushAsync(user, isOnline, lastSeen, cancellationToken);
        }
#pragma warning disable CA1031 // see the summary: logged, and the connection carries on
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogAnnounceFailed(logger, exception, isOnline);
        }
    }

    private async Task PushAsync(UserId user, bool isOnline, DateTimeOffset? lastSeen, CancellationToken cancellationToken)
    {
        var viewers = await AudienceAsync(user, cancellationToken);
        var online = viewers.Where(v => tracker.IsOnline(v.ViewerId)).ToList();
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
        foreach (var group in byPayload)
        {
            await realtime.PublishAsync(group.ToList(), EventName, group.Key, cancellationToken);
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
