using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Messages;

/// <summary>
/// Which messages a person can see, and where they stand towards one. Every action on a message starts
/// here: a message the caller cannot see does not exist for them (404), whatever its id.
/// </summary>
public static class MessageAccess
{
    /// <summary>
    /// Messages <paramref name="viewer"/> can see: in a conversation they are an active member of, after
    /// their clear-history point, from their join in a group, and not deleted for them. Tombstones of
    /// messages deleted for everyone stay visible.
    /// </summary>
    public static IQueryable<Message> VisibleTo(IChatDbContext db, UserId viewer) =>
        from m in db.Messages
        join p in db.Participants on m.ConversationId equals p.ConversationId
        join c in db.Conversations on m.ConversationId equals c.Id
        where p.UserId == viewer && p.IsActive
              && (p.ChatClearedAt == null || m.CreatedAt > p.ChatClearedAt)
              && (c.Type != ConversationType.Group || m.CreatedAt >= p.JoinedAt)
              && !m.Deletions.Any(d => d.UserId == viewer)
        select m;

    /// <summary>The caller's standing towards a message they can see; null when they cannot see it.</summary>
    public static Task<MessageStanding?> StandingAsync(
        IChatDbContext db, UserId caller, MessageId messageId, CancellationToken cancellationToken) =>
        (from m in db.Messages.AsNoTracking()
         join p in db.Participants.AsNoTracking() on m.ConversationId equals p.ConversationId
         join c in db.Conversations.AsNoTracking() on m.ConversationId equals c.Id
         where m.Id == messageId && p.UserId == caller && p.IsActive
               && (p.ChatClearedAt == null || m.CreatedAt > p.ChatClearedAt)
               && (c.Type != ConversationType.Group || m.CreatedAt >= p.JoinedAt)
               && !m.Deletions.Any(d => d.UserId == caller)
         select new MessageStanding(
             m.ConversationId,
             c.Type,
             p.Role,
             c.Type == ConversationType.Direct ? (c.DirectUserLowId == caller ? c.DirectUserHighId : c.DirectUserLowId) : null))
        .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Everyone who can see the message now: the people a change to it is pushed to.</summary>
    public static Task<List<UserId>> AudienceAsync(IChatDbContext db, MessageId messageId, CancellationToken cancellationToken) =>
        (from m in db.Messages
         join p in db.Participants on m.ConversationId equals p.ConversationId
         join c in db.Conversations on m.ConversationId equals c.Id
         where m.Id == messageId && p.IsActive
               && (p.ChatClearedAt == null || m.CreatedAt > p.ChatClearedAt)
               && (c.Type != ConversationType.Group || m.CreatedAt >= p.JoinedAt)
               && !m.Deletions.Any(d => d.UserId == p.UserId)
         select p.UserId)
        .ToListAsync(cancellationToken);
}

/// <param name="OtherUserId">The other person of a direct chat; null in groups and notes.</param>
public sealed record MessageStanding(ConversationId ConversationId, ConversationType ConversationType, ParticipantRole Role, UserId? OtherUserId)
{
    public bool IsGroupAdmin => ConversationType == ConversationType.Group && Role == ParticipantRole.Admin;

    /// <summary>Any member of a direct chat or notes may pin; in a group only admins.</summary>
    public bool MayPin => ConversationType != ConversationType.Group || Role == ParticipantRole.Admin;
}
