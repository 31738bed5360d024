using Astegni.Chat.Application.Abstractions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Events.Outbox;

/// <summary>
/// One pass of the outbox dispatcher: claims a batch of committed rows, publishes each in the order it was
/// written (a notification to its in-process handlers, a push to the hub) and deletes what went out. Delivery
/// is at least once: a row is deleted only after it was published, so a crash in between publishes it again
/// (with the same <see cref="ChatNotification.NotificationId"/>). A row whose handler fails is tried again later,
/// with a growing delay, and given up after <see cref="OutboxOptions.MaxAttempts"/>.
/// </summary>
public sealed partial class OutboxRelay(
    IOutboxStore store, IServiceScopeFactory scopes, IRealtimePublisher realtime, IOptions<OutboxOptions> options, ILogger<OutboxRelay> logger)
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    /// <summary>Answers how many rows it claimed: a full batch means more may be waiting.</summary>
    public async Task<int> RelayAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var batch = await store.ClaimAsync(settings.BatchSize, settings.ClaimTimeout, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var finished = new List<long>(batch.Count);
        foreach (var entry in batch.OrderBy(e => e.Id))
        {
            try
            {
                await PublishAsync(entry, cancellationToken);
                finished.Add(entry.Id);
            }
#pragma warning disable CA1031 // a failing handler must not stop the rows after it; the row is tried again
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                if (entry.Attempts >= settings.MaxAttempts)
                {
                    LogGaveUp(logger, exception, entry.Id, entry.Type, entry.Attempts);
                    finished.Add(entry.Id);
                }
                else
                {
                    var delay = RetryDelay(entry.Attempts);
                    LogWillRetry(logger, exception, entry.Id, entry.Type, entry.Attempts, delay);
                    await store.RetryLaterAsync(entry.Id, delay, cancellationToken);
                }
            }
        }

        await store.DeleteAsync(finished, cancellationToken);
        return batch.Count;
    }

    /// <summary>1 s, 2 s, 4 s, ... up to 5 minutes.</summary>
    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), MaxRetryDelay.TotalSeconds));

    private async Task PublishAsync(ClaimedOutboxEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Type == OutboxSerializer.PushType)
        {
            var push = OutboxSerializer.ReadPush(entry);
            await realtime.PublishAsync(push.Recipients, push.EventName, push.Payload, cancellationToken);
            return;
        }

        var notification = OutboxSerializer.ReadNotification(entry)
                           ?? throw new InvalidOperationException($"Outbox row {entry.Id} holds '{entry.Type}', which this version does not know.");

        // A scope per notification, as a command has: its handlers get their own DbContext.
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish((object)notification, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox row {Id} ({Type}) failed on attempt {Attempts}; trying again in {Delay}")]
    private static partial void LogWillRetry(ILogger logger, Exception exception, long id, string type, int attempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up publishing outbox row {Id} ({Type}) after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, long id, string type, int attempts);
}
