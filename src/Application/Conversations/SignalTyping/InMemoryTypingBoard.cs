using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Conversations.SignalTyping;

/// <summary>The typing indicators in this process's memory (a singleton): one process only.</summary>
public sealed class InMemoryTypingBoard(TimeProvider clock) : ITypingBoard
{
    private readonly Dictionary<TypingKey, TypingIndicator> _shown = [];
    private readonly Lock _gate = new();

    public Task PutAsync(TypingIndicator indicator, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _shown[indicator.Key] = indicator;
        }

        return Task.CompletedTask;
    }

    public Task<TypingIndicator?> TakeAsync(TypingKey key, Guid? token, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_shown.TryGetValue(key, out var shown) || (token is not null && shown.Token != token))
            {
                return Task.FromResult<TypingIndicator?>(null);
            }

            _shown.Remove(key);
            return Task.FromResult<TypingIndicator?>(shown);
        }
    }

    public Task<IReadOnlyList<TypingIndicator>> InConversationAsync(ConversationId conversationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            IReadOnlyList<TypingIndicator> live = _shown.Values.Where(i => i.Key.ConversationId == conversationId && i.Until > now).ToList();
            return Task.FromResult(live);
        }
    }
}
