using System.Linq.Expressions;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations;
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
    private static readonly Expression<Func<Participant, ConversationType, Message, bool>> SeesRule = (p, type, m) =>
        p.IsActive
        && p.Covers(type, m.CreatedAt)
        && !m.Deletions.Any(d => d.UserId == p.UserId);

    private static readonly Func<Participant, ConversationType, Message, bool> SeesNow = SeesRule.Compile();

    /// <summary>
    /// The visibility rule, written once: <paramref name="viewer"/>, a member of a conversation of
    /// <paramref name="type"/>, sees <paramref name="message"/> of it when they are active in it, their history
    /// covers it and they have not deleted it for themselves. Tombstones of messages deleted for everyone stay
    /// visible. Queries use it through <see cref="Inlining.Inlined{T}"/>, in joins and correlated subqueries alike.
    /// </summary>
    [InlinedFrom(nameof(SeesRule))]
    public static bool Sees(this Participant viewer, ConversationType type, Message message) => SeesNow(viewer, type, message);

    /// <summary>
    /// Messages <paramref name="viewer"/> can see (<see cref="Sees"/>): in a conversation they are an active
    /// member of, after their clear-history point, from their join in a group, and not deleted for them.
    /// </summary>
    public static IQueryable<Message> VisibleTo(IChatDbContext db, UserId viewer) =>
        Sightings(db).Where(s => s.Viewer.UserId == viewer).Select(s => s.Message);

    /// <summary>The caller's standing towards a message they can see; null when they cannot see it.</summary>
    public static Task<MessageStanding?> StandingAsync(
        IChatDbContext db, UserId caller, MessageId messageId, CancellationToken cancellationToken) =>
        Sightings(db)
            .AsNoTracking()
            .Where(s => s.Message.Id == messageId && s.Viewer.UserId == caller)
            .Select(s => new MessageStanding(
                s.Message.ConversationId,
                s.Conversation.Type,
                s.Viewer.Role,
                s.Conversation.Type == ConversationType.Direct
                    ? (s.Conversation.DirectUserLowId == caller ? s.Conversation.DirectUserHighId : s.Conversation.DirectUserLowId)
                    : null))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Everyone who can see the message now: the people a change to it is pushed to.</summary>
    public static Task<List<UserId>> AudienceAsync(IChatDbContext db, MessageId messageId, CancellationToken cancellationToken) =>
        Sightings(db).Where(s => s.Message.Id == messageId).Select(s => s.Viewer.UserId).ToListAsync(cancellationToken);

    /// <summary>Every (message, member who can see it) pair.</summary>
    private static IQueryable<Sighting> Sightings(IChatDbContext db) =>
        (from m in db.Messages
         join p in db.Participants on m.ConversationId equals p.ConversationId
         join c in db.Conversations on m.ConversationId equals c.Id
         where p.Sees(c.Type, m)
         select new Sighting { Message = m, Viewer = p, Conversation = c }).Inlined();

    private sealed class Sighting
    {
        public required Message Message { get; init; }
        public required Participant Viewer { get; init; }
        public required Conversation Conversation { get; init; }
    }
}

/// <param name="OtherUserId">The other person of a direct chat; null in groups and notes.</param>
public sealed record MessageStanding(ConversationId ConversationId, ConversationType ConversationType, ParticipantRole Role, UserId? OtherUserId)
{
    public bool IsGroupAdmin => ConversationType == ConversationType.Group && Role == ParticipantRole.Admin;

    /// <summary>Any member of a direct chat or notes may pin; in a group only admins.</summary>
    public bool MayPin => ConversationType != ConversationType.Group || Role == ParticipantRole.Admin;
}
