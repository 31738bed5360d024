using System.Text.Json.Serialization;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.Views;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.Messages;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.GetConversation;

/// <summary>
/// One of my conversations in full: its summary as my list shows it, its description, its current members
/// and the pinned messages I can see. Not a member (any more): not found.
/// </summary>
public sealed record GetConversation(int ConversationId) : IChatQuery<ConversationDetails>;

/// <summary>
/// The API's <c>ConversationSummary</c> fields, then <c>description</c>, <c>participants</c>, <c>pinned_messages</c>
/// (the order keeps them after the summary's, as the JSON has always had them).
/// </summary>
public sealed record ConversationDetails : ConversationSummary
{
    public ConversationDetails(
        ConversationSummary summary, string? description, IReadOnlyList<ParticipantView> participants, IReadOnlyList<MessageView> pinnedMessages)
        : base(summary ?? throw new ArgumentNullException(nameof(summary)))
    {
        Description = description;
        Participants = participants;
        PinnedMessages = pinnedMessages;
    }

    [JsonPropertyOrder(1)]
    public string? Description { get; init; }

    [JsonPropertyOrder(2)]
    public IReadOnlyList<ParticipantView> Participants { get; init; }

    [JsonPropertyOrder(3)]
    public IReadOnlyList<MessageView> PinnedMessages { get; init; }
}

/// <summary>A member as the API's <c>Participant</c>: <c>user_id, name, avatar_url, role, joined_at</c>.</summary>
public sealed record ParticipantView(int UserId, string Name, string? AvatarUrl, string Role, DateTimeOffset JoinedAt);

public sealed class GetConversationHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock, SignedMediaUrls links)
    : IQueryHandler<GetConversation, Result<ConversationDetails>>
{
    /// <summary>Pins are few in practice; the bound keeps one conversation's answer small whatever happens.</summary>
    public const int MaxPinnedMessages = 100;

    public async ValueTask<Result<ConversationDetails>> Handle(GetConversation query, CancellationToken cancellationToken)
    {
        var viewer = currentUser.Id;

        // Only for active members: everyone else learns nothing, not even that it exists. An id the legacy
        // upgrade merged away opens the conversation that holds its history now.
        var member = await db.MembershipOf(query.ConversationId, viewer)
            .Select(p => (ConversationId?)p.ConversationId)
            .FirstOrDefaultAsync(cancellationToken);
        if (member is not { } conversationId
            || await ConversationSummaries.LoadOneAsync(db, viewer, conversationId, clock.GetUtcNow(), cancellationToken) is not { } summary)
        {
            return ConversationErrors.NotFound;
        }

        var description = await db.Conversations
            .Where(c => c.Id == conversationId)
            .Select(c => c.Description)
            .FirstOrDefaultAsync(cancellationToken);
        return new ConversationDetails(
            summary,
            description,
            await ParticipantsAsync(conversationId, cancellationToken),
            await PinnedMessagesAsync(conversationId, viewer, cancellationToken));
    }

    private async Task<List<ParticipantView>> ParticipantsAsync(ConversationId conversationId, CancellationToken cancellationToken)
    {
        var rows = await (
            from p in db.Participants.AsNoTracking()
            where p.ConversationId == conversationId && p.IsActive
            join u in db.Users on p.UserId equals u.Id into users
            from user in users.DefaultIfEmpty()
            select new { p.Id, p.UserId, p.Role, p.JoinedAt, User = user }).ToListAsync(cancellationToken);

        // Admins first, then by how long they have been in.
        return rows
            .OrderBy(r => r.Role == ParticipantRole.Admin ? 0 : 1)
            .ThenBy(r => r.JoinedAt)
            .ThenBy(r => r.Id.Value)
            .Select(r => new ParticipantView(r.UserId.Value, MessageViews.NameOf(r.User), r.User?.ProfilePicture, WireValue.Of(r.Role), r.JoinedAt))
            .ToList();
    }

    // The same visibility as history: not before my clear-history, not before I joined a group, not deleted for me.
    private Task<List<MessageView>> PinnedMessagesAsync(ConversationId conversationId, UserId viewer, CancellationToken cancellationToken)
    {
        var pinned = MessageAccess.VisibleTo(db, viewer)
            .Where(m => m.ConversationId == conversationId && m.IsPinned)
            .OrderByDescending(m => m.PinnedAt)
            .ThenByDescending(m => m.Id);
        return MessageViews.LoadAsync(db, pinned.Take(MaxPinnedMessages), viewer, links, cancellationToken);
    }
}
