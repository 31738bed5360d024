using Astegni.Chat.Application.Events.Outbox;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Api.Realtime;

/// <summary>
/// Publishes what committed commands wrote to the outbox: woken by every commit in this process that wrote rows
/// (<see cref="OutboxSignal"/>; the command answers once the pass it woke has ended), so a push leaves within
/// milliseconds, and every <see cref="OutboxOptions.PollInterval"/>
/// for rows nobody woke it for (another instance's, a retry, rows left by a crash). Any number of instances may run
/// it: each claims rows the others are not holding (<see cref="OutboxRelay"/>).
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, OutboxSignal signal, IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly RecurringJobLog _log = new(logger, "Publishing the outbox");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        signal.DispatcherStarted();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var pass = signal.PassStarting();
                try
                {
                    await RelayWhatIsDueAsync(stoppingToken);
                }
                finally
                {
                    pass.TrySetResult();
                }

                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the service is stopping; what was not published yet is published at the next start (or by another instance)
        }
        finally
        {
            signal.DispatcherStopped();
        }
    }

    private async Task RelayWhatIsDueAsync(CancellationToken stoppingToken)
    {
        try
        {
            int claimed;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                claimed = await scope.ServiceProvider.GetRequiredService<OutboxRelay>().RelayAsync(stoppingToken);
            }
            while (claimed >= options.Value.BatchSize);
            _log.Succeeded();
        }
#pragma warning disable CA1031 // the database unreachable: logged and tried again at the next poll; it must not stop the service
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            _log.Failed(exception);
        }
    }
}
