using Astegni.Chat.Application.Calls;
using Astegni.Chat.Application.Calls.MarkMissedCalls;
using Mediator;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Api.Realtime;

/// <summary>
/// Every <see cref="CallOptions.MissedCallCheckInterval"/>, calls that rang longer than
/// <see cref="CallOptions.RingTimeout"/> become missed, through the <see cref="MarkMissedCalls"/> command so
/// <c>call_updated</c> goes out only after the commit. State lives in the database, not in timers, so any
/// number of ringing calls costs one query per check and a restart loses nothing; several instances may run
/// it at once (the command skips calls another one holds).
/// </summary>
internal sealed class MissedCallCheck(
    IServiceScopeFactory scopes, IOptions<CallOptions> options, TimeProvider clock, ILogger<MissedCallCheck> logger) : BackgroundService
{
    private readonly RecurringJobLog _log = new(logger, "Marking unanswered calls as missed");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MissedCallCheckInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the service is stopping
        }
    }

    private async Task CheckAsync(CancellationToken stoppingToken)
    {
        try
        {
            int marked;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new MarkMissedCalls(), stoppingToken);
                marked = result.IsSuccess ? result.Value : 0;
            }
            while (marked == MarkMissedCalls.BatchSize);
            _log.Succeeded();
        }
#pragma warning disable CA1031 // a failed check (database unreachable) is logged and tried again at the next tick; it must not stop the service
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            _log.Failed(exception);
        }
    }
}
