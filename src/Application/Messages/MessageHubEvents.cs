using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Messages;

/// <summary>The hub events message actions push (names and payloads as API.md fixes them).</summary>
public static class MessageHubEvents
{
    public const string Created = "message_created";
    public const string Updated = "message_updated";
    public const string Deleted = "message_deleted";
    public const string ReactionChanged = "reaction_changed";
    public const string ConversationUpdated = "conversation_updated";

    /// <summary>
    /// After the commit, every member's open connections get the new message, the sender's other devices too
    /// (<c>message_created {message}</c>, <c>is_mine</c> from each side). <paramref name="view"/> is the sender's.
    /// </summary>
    public static void QueueCreated(CommandOutbox outbox, MessageView view, IEnumerable<UserId> memberIds)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(view);
        var sender = new UserId(view.SenderUserId);
        outbox.Push([sender], Created, new MessageCreatedEvent(view));
        outbox.Push([.. memberIds.Where(id => id != sender)], Created, new MessageCreatedEvent(view with { IsMine = false }));
    }

    /// <summary>
    /// Pushes <c>message_updated</c> to <paramref name="audience"/>, each seeing <c>is_mine</c> from their own side.
    /// </summary>
    public static async Task PublishUpdatedAsync(
        IRealtimePublisher realtime, MessageView view, IReadOnlyCollection<UserId> audience, CancellationToken cancellationToken)
    {
        var author = new UserId(view.SenderUserId);
        var authorOnly = audience.Where(id => id == author).ToList();
        var others = audience.Where(id => id != author).ToList();
        await realtime.PublishAsync(authorOnly, Updated, new MessageUpdatedEvent(view with { IsMine = true }), cancellationToken);
        await realtime.PublishAsync(others, Updated, new MessageUpdatedEvent(view with { IsMine = false }), cancellationToken);
    }
}

public sealed record MessageCreatedEvent(MessageView Message);

public sealed record MessageUpdatedEvent(MessageView Message);

public sealed record MessageDeletedEvent(int ConversationId, int MessageId);

public sealed record ReactionChangedEvent(int ConversationId, int MessageId, IReadOnlyList<ReactionView> Reactions);

public sealed record ConversationUpdatedEvent(int ConversationId);
