using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Conversations.SignalTyping;

/// <summary>
/// Shows and clears typing indicators: each one is put on the <see cref="ITypingBoard"/> and pushed, and a
/// timer of the instance that showed it clears it when no new "typing" signal arrives within
/// <see cref="ChatOptions.TypingTimeout"/>. An indicator lives seconds, so it is never stored in the database.
/// Whoever takes an indicator off the board (a "stopped" signal on any instance, or its timer) pushes its end,
/// so the end is pushed once. One per process (a singleton).
/// </summary>
public sealed partial class TypingTracker(
    ITypingBoard board, IRealtimePublisher realtime, TimeProvider clock, IOptions<ChatOptions> options, ILogger<TypingTracker> logger) : IDisposable
{
    public const string EventName = "typing";

    private readonly Dictionary<TypingKey, (ITimer Timer, Guid Token)> _timers = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>How many indicators this instance's timers are running for.</summary>
    public int ShownCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>Who is shown typing in the conversation to <paramref name="viewer"/> right now (for clients that ask rather than listen).</summary>
    public async Task<IReadOnlyList<UserId>> TypersShownToAsync(ConversationId conversationId, UserId viewer, CancellationToken cancellationToken) =>
        (await board.InConversationAsync(conversationId, cancellationToken))
        .Where(i => i.Recipients.Contains(viewer))
        .Select(i => i.Key.Typer)
        .ToList();

    /// <summary>Shows "typing" to <paramref name="recipients"/> and (re)starts the indicator's expiry.</summary>
    public async Task ShowAsync(TypingKey key, IReadOnlyCollection<UserId> recipients, CancellationToken cancellationToken)
    {
        var timeout = options.Value.TypingTimeout;
        var indicator = new TypingIndicator(key, Guid.NewGuid(), recipients, clock.GetUtcNow() + timeout);
        await board.PutAsync(indicator, cancellationToken);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_timers.Remove(key, out var previous))
            {
                previous.Timer.Dispose();
            }

            var timer = clock.CreateTimer(state => _ = ExpireAsync((TypingIndicator)state!), indicator, timeout, Timeout.InfiniteTimeSpan);
            _timers[key] = (timer, indicator.Token);
        }

        await PublishAsync(key, recipients, isTyping: true, cancellationToken);
    }

    /// <summary>
    /// Clears the indicator now, for those who were shown it and may still see it
    /// (<paramref name="allowedRecipients"/>: someone blocked since then hears nothing more). Nothing shown, nothing sent.
    /// </summary>
    public async Task HideAsync(TypingKey key, IReadOnlyCollection<UserId> allowedRecipients, CancellationToken cancellationToken)
    {
        StopTimer(key);
        var shown = await board.TakeAsync(key, token: null, cancellationToken);
        if (shown is null)
        {
            return;
        }

        var recipients = shown.Recipients.Intersect(allowedRecipients).ToList();
        await PublishAsync(key, recipients, isTyping: false, cancellationToken);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var (timer, _) in _timers.Values)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }
    }

    private void StopTimer(TypingKey key)
    {
        lock (_gate)
        {
            if (_timers.Remove(key, out var running))
            {
                running.Timer.Dispose();
            }
        }
    }

    private async Task ExpireAsync(TypingIndicator indicator)
    {
        try
        {
            lock (_gate)
            {
                if (_timers.TryGetValue(indicator.Key, out var running) && running.Token == indicator.Token)
                {
                    _timers.Remove(indicator.Key);
                    running.Timer.Dispose();
                }
            }

            // Still this showing on the board: a newer signal (here or on another instance) replaced it otherwise.
            if (await board.TakeAsync(indicator.Key, indicator.Token, CancellationToken.None) is { } shown)
            {
                await PublishAsync(shown.Key, shown.Recipients, isTyping: false, CancellationToken.None);
            }
        }
#pragma warning disable CA1031 // a timer callback has nobody to throw to: a failed push is logged, the indicator is gone anyway
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogExpiryPushFailed(logger, exception);
        }
    }

    private Task PublishAsync(TypingKey key, IReadOnlyCollection<UserId> recipients, bool isTyping, CancellationToken cancellationToken) =>
        realtime.PublishAsync(recipients, EventName, new TypingEvent(key.ConversationId.Value, key.Typer.Value, isTyping), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing the end of a typing indicator failed")]
    private static partial void LogExpiryPushFailed(ILogger logger, Exception exception);
}

/// <summary>The hub event <c>typing {conversation_id, user_id, is_typing}</c>.</summary>
public sealed record TypingEvent(int ConversationId, int UserId, bool IsTyping);
