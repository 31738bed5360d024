using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations;
using Astegni.Chat.Application.Events;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.Messages;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Legacy.RelayLegacyWrites;

/// <summary>
/// The service's own, run whenever the old backend has written (the legacy listener): takes its writes and leaves in
/// the outbox what this module's clients would have been told had the write been made here. The same hub events
/// follow, from the same push handlers, once this commits; a write is relayed once, whichever instance takes it.
/// Takes at most <see cref="BatchSize"/> writes and answers how many it relayed, so the caller repeats while
/// batches come back full.
/// </summary>
public sealed record RelayLegacyWrites : IChatCommand<int>
{
    public const int BatchSize = 500;
}

public sealed class RelayLegacyWritesHandler(IChatDbContext db, ILegacyWriteFeed feed, SignedMediaUrls links, CommandOutbox outbox)
    : ICommandHandler<RelayLegacyWrites, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RelayLegacyWrites command, CancellationToken cancellationToken)
    {
        var writes = await feed.TakeAsync(RelayLegacyWrites.BatchSize, cancellationToken);
        foreach (var write in writes)
        {
            await RelayAsync(write, cancellationToken);
        }

        return writes.Count;
    }

    // A write whose rows are gone since (a later legacy delete, a merge by migrate) matches no case: nothing to tell.
    private async Task RelayAsync(LegacyWrite write, CancellationToken cancellationToken)
    {
        var conversation = write.ConversationId;
        switch (write)
        {
            case { Kind: LegacyWriteKind.MessageCreated, MessageId: { } message, UserId: { } sender }:
                if (await MessageViews.LoadOneAsync(db, message, sender, links, cancellationToken) is { } view)
                {
                    var audience = await MessageAccess.AudienceAsync(db, message, cancellationToken);
                    MessageHubEvents.QueueCreated(outbox, view, audience);
                    outbox.Notify(new MessageSent(new ConversationId(view.ConversationId), message, sender, audience));
                }

                break;
            case { Kind: LegacyWriteKind.MessageEdited, MessageId: { } message, UserId: { } editor }:
                outbox.Notify(new MessageEdited(conversation, message, editor));
                break;
            case { Kind: LegacyWriteKind.MessageDeleted, MessageId: { } message, UserId: { } deleter }:
                var wasPinned = await db.Messages.AnyAsync(m => m.Id == message && m.IsPinned, cancellationToken);
                outbox.Notify(new MessageDeletedForEveryone(conversation, message, deleter, wasPinned));
                break;
            case { Kind: LegacyWriteKind.MessageDeletedForUser, MessageId: { } message, UserId: { } hiddenFor }:
                outbox.Notify(new MessageDeletedForUser(conversation, message, hiddenFor));
                break;
            case { Kind: LegacyWriteKind.MessagePinned, MessageId: { } message, UserId: { } pinner }:
                var isPinned = await db.Messages.AnyAsync(m => m.Id == message && m.IsPinned, cancellationToken);
                outbox.Notify(new MessagePinnedChanged(conversation, message, pinner, isPinned));
                break;
            case { Kind: LegacyWriteKind.ReactionsChanged, MessageId: { } message, UserId: { } reactor }:
                outbox.Notify(new ReactionsChanged(conversation, message, reactor));
                break;
            case { Kind: LegacyWriteKind.ConversationRead, MessageId: { } position, UserId: { } reader }:
                if (await db.ConversationOfMemberAsync(conversation.Value, reader, cancellationToken) is { } read)
                {
                    outbox.Notify(new ConversationRead(read.Id, reader, position, [.. read.ActiveMemberIds]));
                }

                break;
            case { Kind: LegacyWriteKind.UserBlocked, UserId: { } blocker, OtherUserId: { } blocked }:
                outbox.Notify(new UserBlocked(blocker, blocked));
                break;
        }
    }
}
