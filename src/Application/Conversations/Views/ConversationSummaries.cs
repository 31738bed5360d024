using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Messages;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.Views;

/// <summary>
/// Builds conversation summaries for one viewer in a single SQL statement: the last message the viewer
/// can see, their unread count and the other person's name come from correlated subqueries.
/// </summary>
public static class ConversationSummaries
{
    // "After my read position" as one range over the (conversation_id, id) index: counting unread
    // messages then reads only the unread ones, however long the history.
    private static readonly MessageId NothingRead = new(0);

    /// <summary>The viewer's active conversations as rows, unordered; callers filter, order and page.</summary>
    public static IQueryable<SummaryRow> Rows(IChatDbContext db, UserId viewer) =>
        (from p in db.Participants.AsNoTracking()
        where p.UserId == viewer && p.IsActive
        join c in db.Conversations.AsNoTracking() on p.ConversationId equals c.Id
        // A direct chat the legacy backend created since the upgrade has no pair yet: its other
        // member says who it is with, until the next migrate merges it.
        let otherId = c.Type != ConversationType.Direct ? null
            : c.DirectUserLowId == null
                ? db.Participants.Where(x => x.ConversationId == c.Id && x.UserId != viewer).Select(x => (UserId?)x.UserId).FirstOrDefault()
                : c.DirectUserLowId == viewer ? c.DirectUserHighId : c.DirectUserLowId
        // Replying reads what came before (as in Telegram and WhatsApp): the unread count starts after my newest
        // message too, so however much I sent, it walks only what others sent since.
        let myLast = db.Messages.Where(m => m.ConversationId == c.Id && m.SenderUserId == viewer).Max(m => (MessageId?)m.Id)
        let last = db.Messages
            .Where(m => m.ConversationId == c.Id && p.Sees(c.Type, m))
            .OrderByDescending(m => m.Id)
            .FirstOrDefault()
        select new SummaryRow
        {
            Conversation = c,
            Me = p,
            Activity = c.LastMessageAt ?? c.CreatedAt,
            Other = db.Users.FirstOrDefault(u => u.Id == otherId),
            ParticipantCount = db.Participants.Count(x => x.ConversationId == c.Id && x.IsActive),
            Last = last,
            LastSender = db.Users.FirstOrDefault(u => u.Id == last!.SenderUserId),
            // Same visibility as "last", plus: not mine, after my read position and after my newest message.
            UnreadCount = db.Messages.Count(m => m.ConversationId == c.Id
                                                 && p.Sees(c.Type, m)
                                                 && m.SenderUserId != viewer
                                                 && m.Id > (p.LastReadMessageId ?? NothingRead)
                                                 && m.Id > (myLast ?? NothingRead)),
        }).Inlined();

    /// <summary>Summaries as of <paramref name="now"/>: a mute whose end has passed shows as not muted.</summary>
    public static async Task<List<ConversationSummary>> LoadAsync(
        IQueryable<SummaryRow> rows, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await rows.ToListAsync(cancellationToken)).ConvertAll(row => ToSummary(row, now));

    public static async Task<ConversationSummary?> LoadOneAsync(
        IChatDbContext db, UserId viewer, ConversationId conversationId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await LoadAsync(Rows(db, viewer).Where(r => r.Conversation.Id == conversationId), now, cancellationToken)).SingleOrDefault();

    /// <summary>
    /// Rows whose group name, or the display name of another active member, contains <paramref name="text"/>
    /// (case-insensitive, any part). My own name matches nothing: it is in every conversation.
    /// </summary>
    public static IQueryable<SummaryRow> Named(this IQueryable<SummaryRow> rows, IChatDbContext db, UserId viewer, string text)
    {
        var needle = UserNameSearch.Needle(text);
        var notesNamed = "notes".Contains(needle, StringComparison.Ordinal);
        var namedUsers = UserNameSearch.Named(db.Users, needle);
        return rows.Where(r =>
            (r.Conversation.Name != null && r.Conversation.Name.ToLower().Contains(needle))
            || (notesNamed && r.Conversation.Type == ConversationType.Notes && r.Conversation.Name == null)
            || db.Participants.Any(p => p.ConversationId == r.Conversation.Id
                                        && p.IsActive
                                        && p.UserId != viewer
                                        && namedUsers.Any(u => u.Id == p.UserId)));
    }

    private static ConversationSummary ToSummary(SummaryRow row, DateTimeOffset now)
    {
        var c = row.Conversation;
        var other = row.Other;
        var name = c.Type switch
        {
            ConversationType.Direct => MessageViews.NameOf(other),
            ConversationType.Notes => c.Name ?? "Notes",
            _ => c.Name,
        };
        var muted = row.Me.IsMutedAt(now);
        return new ConversationSummary(
            c.Id.Value,
            WireValue.Of(c.Type),
            name,
            c.Type == ConversationType.Direct ? other?.ProfilePicture : c.AvatarUrl,
            other?.Id.Value,
            row.ParticipantCount,
            row.Last is { } last ? Preview(last, row.LastSender) : null,
            row.UnreadCount,
            muted,
            muted ? row.Me.MutedUntil : null,
            row.Me.IsArchived,
            row.Me.IsPinned,
            row.Activity);
    }

    private static LastMessagePreview Preview(Message last, UserRecord? sender)
    {
        var preview = MessageViews.Preview(last.Type, last.Content, last.IsDeleted);
        return new LastMessagePreview(
            last.Id.Value,
            last.SenderUserId.Value,
            MessageViews.NameOf(sender),
            WireValue.Of(last.Type),
            preview,
            last.CreatedAt,
            preview ?? ContentLabel(last));
    }

    private static string ContentLabel(Message last) => last.IsDeleted ? "Message deleted" : last.Type switch
    {
        MessageType.Image => "Photo",
        MessageType.Audio => "Voice message",
        MessageType.Video => "Video",
        MessageType.File => "File",
        MessageType.Location => "Location",
        MessageType.Gif => "GIF",
        _ => "Message",
    };

    public sealed class SummaryRow
    {
        public required Conversation Conversation { get; init; }
        public required Participant Me { get; init; }
        public required DateTimeOffset Activity { get; init; }
        public UserRecord? Other { get; init; }
        public int ParticipantCount { get; init; }
        public Message? Last { get; init; }
        public UserRecord? LastSender { get; init; }
        public int UnreadCount { get; init; }
    }
}
