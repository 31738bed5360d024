using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Conversations.SignalTyping;

/// <summary>
/// The typing indicators shown right now, one per (conversation, typer), each with who it is shown to and
/// until when. In this process's memory by default (<see cref="InMemoryTypingBoard"/>); shared through Redis
/// when several instances run, so "stopped" typed on one device reaches an indicator another instance showed,
/// and every instance answers "who is typing" alike. <see cref="TypingTracker"/> decides what is pushed.
/// </summary>
public interface ITypingBoard
{
    /// <summary>Shows (or replaces) the indicator (its token names this showing of it).</summary>
    Task PutAsync(TypingIndicator indicator, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the indicator and returns it; with <paramref name="token"/>, only when it is still that showing
    /// (a newer signal replaced it otherwise). Null when there was nothing to remove.
    /// </summary>
    Task<TypingIndicator?> TakeAsync(TypingKey key, Guid? token, CancellationToken cancellationToken);

    /// <summary>The live indicators of the conversation.</summary>
    Task<IReadOnlyList<TypingIndicator>> InConversationAsync(ConversationId conversationId, CancellationToken cancellationToken);
}

public readonly record struct TypingKey(ConversationId ConversationId, UserId Typer);

/// <param name="Token">This showing of the indicator: a newer signal gets a new one.</param>
public sealed record TypingIndicator(TypingKey Key, Guid Token, IReadOnlyCollection<UserId> Recipients, DateTimeOffset Until);
