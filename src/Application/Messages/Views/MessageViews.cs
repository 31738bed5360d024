using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Messages;
using Astegni.Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Messages.Views;

/// <summary>Projects messages with their sender into <see cref="MessageView"/>s in one round trip.</summary>
public static class MessageViews
{
    public static async Task<List<MessageView>> LoadAsync(
        IChatDbContext db, IQueryable<Message> messages, UserId viewer, CancellationToken cancellationToken)
    {
        var rows = await (
            from m in messages.AsNoTracking()
            join u in db.Users on m.SenderUserId equals u.Id into senders
            from u in senders.DefaultIfEmpty()
            select new MessageRow(m, u)).ToListAsync(cancellationToken);

        return rows.ConvertAll(row => ToView(row, viewer));
    }

    public static async Task<MessageView?> LoadOneAsync(
        IChatDbContext db, MessageId messageId, UserId viewer, CancellationToken cancellationToken) =>
        (await LoadAsync(db, db.Messages.Where(m => m.Id == messageId), viewer, cancellationToken)).SingleOrDefault();

    private static MessageView ToView(MessageRow row, UserId viewer)
    {
        var m = row.Message;
        var sender = row.Sender;
        return new MessageView(
            m.Id.Value,
            m.ConversationId.Value,
            m.SenderUserId.Value,
            DisplayName.Of(sender?.FirstName, sender?.FatherName, sender?.LastName, sender?.Email),
            sender?.ProfilePicture,
            WireValue.Of(m.Type),
            m.IsDeleted ? null : m.Content,
            Media: null,
            ReplyTo: null,
            ForwardedFrom: null,
            Reactions: [],
            m.IsEdited,
            m.EditedAt,
            m.IsDeleted,
            IsPinned: false,
            IsMine: m.SenderUserId == viewer,
            m.ClientMessageId,
            m.CreatedAt);
    }

    private sealed record MessageRow(Message Message, UserRecord? Sender);
}
