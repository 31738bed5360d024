using System.Linq.Expressions;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations;

/// <summary>
/// The one place a conversation id from a client becomes a conversation. The legacy upgrade merged
/// duplicate direct chats and kept each old id as an alias of the survivor (<c>chat_conversation_aliases</c>),
/// so an id means the conversation itself or, when it was merged away, its survivor. Every use case that
/// takes a conversation id goes through here (an architecture test checks it), so every route accepts an
/// old id alike.
/// </summary>
public static class ConversationIds
{
    /// <summary>
    /// The rows of <paramref name="source"/> that belong to the conversation <paramref name="requestedId"/>
    /// means. Written into the query (<c>conversation_id = COALESCE((SELECT survivor ...), id)</c>, which
    /// PostgreSQL evaluates once and then walks the usual index with), so resolving costs no round trip.
    /// </summary>
    public static IQueryable<T> InConversation<T>(
        this IQueryable<T> source, IChatDbContext db, int requestedId, Expression<Func<T, ConversationId>> conversationOf)
    {
        var requested = new ConversationId(requestedId);

        // A merged conversation's row is gone, so the alias and a live conversation never both match.
        Expression<Func<ConversationId>> meant = () =>
            db.ConversationAliases.Where(a => a.AliasId == requested).Select(a => (ConversationId?)a.ConversationId).FirstOrDefault()
            ?? requested;
        var belongs = Expression.Lambda<Func<T, bool>>(Expression.Equal(conversationOf.Body, meant.Body), conversationOf.Parameters);
        return source.Where(belongs);
    }

    /// <summary>
    /// <paramref name="member"/>'s active membership of the conversation <paramref name="requestedId"/> means:
    /// empty when there is no such conversation or they are not (or no longer) in it, which callers answer
    /// alike (not found), so neither is revealed.
    /// </summary>
    public static IQueryable<Participant> MembershipOf(this IChatDbContext db, int requestedId, UserId member) =>
        db.Participants.InConversation(db, requestedId, p => p.ConversationId).Where(p => p.UserId == member && p.IsActive);

    /// <summary>The conversation <paramref name="requestedId"/> means, with its memberships, when <paramref name="member"/> is active in it.</summary>
    public static async Task<Conversation?> ConversationOfMemberAsync(
        this IChatDbContext db, int requestedId, UserId member, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations
            .Include(c => c.Participants)
            .InConversation(db, requestedId, c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return conversation?.ActiveParticipant(member) is null ? null : conversation;
    }

    /// <summary>
    /// Applies a change of mine to my own membership (mute, archive, pin, clear, hide): the per-caller actions
    /// that touch nobody else. Not a member: not found.
    /// </summary>
    public static async Task<Result> ChangeMembershipAsync(
        this IChatDbContext db, int requestedId, UserId member, Func<Participant, Result> change, CancellationToken cancellationToken)
    {
        var membership = await db.MembershipOf(requestedId, member).FirstOrDefaultAsync(cancellationToken);
        return membership is null ? ConversationErrors.NotFound : change(membership);
    }

    /// <summary>As above, for a change that cannot be refused.</summary>
    public static Task<Result> ChangeMembershipAsync(
        this IChatDbContext db, int requestedId, UserId member, Action<Participant> change, CancellationToken cancellationToken) =>
        db.ChangeMembershipAsync(requestedId, member, membership =>
        {
            change(membership);
            return Result.Success();
        }, cancellationToken);
}
