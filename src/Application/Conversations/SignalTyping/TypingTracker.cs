using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Conversations.SignalTyping;

/// <summary>
/// The typing indicators shown right now, one per (conversation, typer), each with a timer that clears
/// it when no new "typing" signal arrives within <see cref="ChatOptions.TypingTimeout"/>. In memory:
/// an indicator lives seconds, so it is never stored. One instance per process (a singleton).
/// </summary>
public sealed partial class TypingTracker(
    IRealtimePublisher realtime, TimeProvider clock, IOptions<ChatOptions> options, ILogger<TypingTracker> logger) : IDisposable
{
    public const string EventName = "typing";

    private readonly Dictionary<Key, Indicator> _shown = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    public readonly record struct Key(ConversationId ConversationId, UserId Typer);

    /// <summary>How many indicators are shown now (their timers are running).</summary>
    public int ShownCount
    {
        get
        {
            lock (_gate)
            {
                return _shown.Count;
            }
        }
    }

    /// <summary>Who is shown typing in the conversation to <paramref name="viewer"/> right now (for clients that ask rather than listen).</summary>
    public IReadOnlyList<UserId> TypersShownTo(ConversationId conversationId, UserId viewer)
    {
        lock (_gate)
        {
            return _shown.Values
                .Where(i => i.Key.ConversationId == conversationId && i.Recipients.Contains(viewer))
                .Select(i => i.Key.Typer)
                .ToList();
        }
    }

    /// <summary>Shows "typing" to <paramref name="recipients"/> and (re)starts the indicator's expiry.</summary>
    public Task ShowAsync(Key key, IReadOnlyCollection<UserId> recipients, CancellationToken cancellationToken)
    {
        var indicator = new Indicator(key, recipients);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_shown.Remove(key, out var previous))
            {
                previous.Timer?.Dispose();
            }

            _shown[key] = indicator;
            indicator.Timer = clock.CreateTimer(
                state => Expire((Indicator)state!), indicator, options.Value.TypingTimeout, Timeout.InfiniteTimeSpan);
        }

        return PublishAsync(key, recipients, isTyping: true, cancellationToken);
    }

    /// <summary>
    /// Clears the indicator now, for those who were shown it and may still see it
    /// (<paramref name="allowedRecipients"/>: someone blocked since then hears nothing more). Nothing shown, nothing sent.
    /// </summary>
    public Task HideAsync(Key key, IReadOnlyCollection<UserId> allowedRecipients, CancellationToken cancellationToken)
    {
        Indicator? shown;
        lock (_gate)
        {
            if (_shown.Remove(key, out shown))
            {
                shown.Timer?.Dispose();
            }
        }

        if (shown is null)
        {
            return Task.CompletedTask;
        }

        var recipients = shown.Recipients.Intersect(allowedRecipients).ToList();
        return PublishAsync(key, recipients, isTyping: false, cancellationToken);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var indicator in _shown.Values)
            {
                indicator.Timer?.Dispose();
            }

            _shown.Clear();
        }
    }

    private void Expire(Indicator indicator)
    {
        lock (_gate)
        {
            // A newer signal replaced this indicator (or a "stopped" removed it): its own timer decides.
            if (!_shown.TryGetValue(indicator.Key, out var current) || !ReferenceEquals(current, indicator))
            {
                return;
            }

            _shown.Remove(indicator.Key);
            indicator.Timer?.Dispose();
        }

        _ = PublishExpiryAsync(indicator);
    }

    private async Task PublishExpiryAsync(Indicator indicator)
    {
        try
        {
            await PublishAsync(indicator.Key, indicator.Recipients, isTyping: false, CancellationToken.None);
        }
#pragma warning disable CA1031 // a timer callback has nobody to throw to: a failed push is logged, the indicator is gone anyway
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogExpiryPushFailed(logger, exception);
        }
    }

    private Task PublishAsync(Key key, IReadOnlyCollection<UserId> recipients, bool isTyping, CancellationToken cancellationToken) =>
        realtime.PublishAsync(recipients, EventName, new TypingEvent(key.ConversationId.Value, key.Typer.Value, isTyping), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing the end of a typing indicator failed")]
    private static partial void LogExpiryPushFailed(ILogger logger, Exception exception);

    private sealed class Indicator(Key key, IReadOnlyCollection<UserId> recipients)
    {
        public Key Key { get; } = key;
        public IReadOnlyCollection<UserId> Recipients { get; } = recipients;
        public ITimer? Timer { get; set; }
    }
}

/// <summary>The hub event <c>typing {conversation_id, user_id, is_typing}</c>.</summary>
public sealed record TypingEvent(int ConversationId, int UserId, bool IsTyping);
