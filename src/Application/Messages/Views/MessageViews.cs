using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Media;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Messages;
using Astegni.Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Messages.Views;

/// <summary>
/// Projects messages into <see cref="MessageView"/>s in one round trip: sender, media item, reply preview,
/// the original author of a forward and the reactions are folded into the same statement.
/// </summary>
public static class MessageViews
{
    public const int PreviewLength = 100;

    /// <remarks>
    /// <paramref name="messages"/> are ones <paramref name="viewer"/> may see (the callers filter them): their
    /// media objects carry a signed link from <paramref name="links"/>.
    /// </remarks>
    public static async Task<List<MessageView>> LoadAsync(
        IChatDbContext db, IQueryable<Message> messages, UserId viewer, SignedMediaUrls links, CancellationToken cancellationToken)
    {
        var rows = await (
            from m in messages.AsNoTracking()
            join u in db.Users on m.SenderUserId equals u.Id into senders
            from sender in senders.DefaultIfEmpty()
            join r in db.Messages on m.ReplyToId equals r.Id into replies
            from reply in replies.DefaultIfEmpty()
            join ru in db.Users on reply!.SenderUserId equals ru.Id into replySenders
            from replySender in replySenders.DefaultIfEmpty()
            join fu in db.Users on m.ForwardedFromUserId equals fu.Id into forwardedAuthors
            from forwardedAuthor in forwardedAuthors.DefaultIfEmpty()
            join md in db.Media on m.MediaId equals md.Id into mediaItems
            from media in mediaItems.DefaultIfEmpty()
            select new MessageRow
            {
                Message = m,
                Sender = sender,
                Media = media == null
                    ? null
                    : new MediaRow(media.Id, media.MimeType, media.SizeBytes, media.Width, media.Height, media.DurationMs, media.FileName),
                Reply = reply == null ? null : new ReplyRow(reply.Id, reply.SenderUserId, reply.Type, reply.Content, reply.IsDeleted),
                ReplySender = replySender,
                ForwardedAuthor = forwardedAuthor,
                Reactions = m.Reactions.Select(x => new ReactionRow(x.Value, x.UserId)).ToList(),
            }).ToListAsync(cancellationToken);

        return rows.ConvertAll(row => ToView(row, viewer, links));
    }

    public static async Task<MessageView?> LoadOneAsync(
        IChatDbContext db, MessageId messageId, UserId viewer, SignedMediaUrls links, CancellationToken cancellationToken) =>
        (await LoadAsync(db, db.Messages.Where(m => m.Id == messageId), viewer, links, cancellationToken)).SingleOrDefault();

    /// <summary>A short text for previews (reply quotes, conversation lists), cut at a character boundary.</summary>
    public static string? Preview(MessageType type, string? content, bool isDeleted)
    {
        content = Readable(content);
        if (isDeleted || content is null)
        {
            return null;
        }

        if (type != MessageType.Text && type != MessageType.System)
        {
            return null;
        }

        if (content.Length <= PreviewLength)
        {
            return content;
        }

        // Never half of an emoji's surrogate pair.
        var cut = char.IsHighSurrogate(content[PreviewLength - 1]) ? PreviewLength - 1 : PreviewLength;
        return content[..cut];
    }

    /// <summary>
    /// Content as it may be shown. The legacy backend, while it still runs beside this module, stores
    /// Fernet-encrypted text ("gAAAAA…"); until the next migrate decrypts it, such content is shown as
    /// nothing rather than as ciphertext.
    /// </summary>
    public static string? Readable(string? content) =>
        content is not null && content.StartsWith(LegacyCiphertextPrefix, StringComparison.Ordinal) && content.Length >= 100
            && !content.Contains(' ', StringComparison.Ordinal)
            ? null
            : content;

    private const string LegacyCiphertextPrefix = "gAAAAA";

    public static string NameOf(UserRecord? user) =>
        DisplayName.Of(user?.FirstName, user?.FatherName, user?.LastName, user?.Email);

    /// <summary>Reactions grouped by emoji, most used first; each lists who reacted.</summary>
    public static IReadOnlyList<ReactionView> Group(IEnumerable<(string Value, UserId UserId)> reactions) =>
        reactions
            .GroupBy(r => r.Value, StringComparer.Ordinal)
            .Select(g => new ReactionView(g.Key, g.Select(r => r.UserId.Value).Order().ToList(), g.Count()))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Reaction, StringComparer.Ordinal)
            .ToList();

    private static MessageView ToView(MessageRow row, UserId viewer, SignedMediaUrls links)
    {
        var m = row.Message;
        return new MessageView(
            m.Id.Value,
            m.ConversationId.Value,
            m.SenderUserId.Value,
            NameOf(row.Sender),
            row.Sender?.ProfilePicture,
            WireValue.Of(m.Type),
            m.IsDeleted ? null : Readable(m.Content),
            m.IsDeleted || row.Media is not { } media
                ? null
                : new MediaView(
                    media.Id.Value, MediaLinks.UrlOf(media.Id.Value), media.MimeType, media.Size, media.Width, media.Height, media.DurationMs, media.FileName,
                    links.For(media.Id.Value)),
            row.Reply is { } reply
                ? new ReplyPreview(reply.Id.Value, reply.SenderUserId.Value, NameOf(row.ReplySender), Preview(reply.Type, reply.Content, reply.IsDeleted))
                : null,
            m.IsForwarded && m.ForwardedFromUserId is { } author ? new ForwardedFrom(author.Value, NameOf(row.ForwardedAuthor)) : null,
            Group(row.Reactions.Select(r => (r.Value, r.UserId))),
            m.IsEdited,
            m.EditedAt,
            m.IsDeleted,
            m.IsPinned,
            IsMine: m.SenderUserId == viewer,
            m.ClientMessageId,
            m.CreatedAt);
    }

    private sealed class MessageRow
    {
        public required Message Message { get; init; }
        public UserRecord? Sender { get; init; }
        public MediaRow? Media { get; init; }
        public ReplyRow? Reply { get; init; }
        public UserRecord? ReplySender { get; init; }
        public UserRecord? ForwardedAuthor { get; init; }
        public required List<ReactionRow> Reactions { get; init; }
    }

    private sealed record ReplyRow(MessageId Id, UserId SenderUserId, MessageType Type, string? Content, bool IsDeleted);

    private sealed record ReactionRow(string Value, UserId UserId);

    private sealed record MediaRow(MediaId Id, string MimeType, long Size, int? Width, int? Height, int? DurationMs, string? FileName);
}
