using Astegni.Chat.Api.Realtime;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Presence.GoOffline;
using Mediator;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Astegni.Chat.Api.ScaleOut;

/// <summary>
/// Every third of <see cref="ScaleOutOptions.PresenceLease"/>: renews the leases of this instance's hub
/// connections, then takes the users whose connections all ran out elsewhere (an instance that died) and
/// announces them offline, each by exactly one instance, as a closed last connection would be.
/// </summary>
internal sealed partial class PresenceLeaseRenewal(
    RedisPresenceStore presence, IServiceScopeFactory scopes, IOptions<ScaleOutOptions> options, TimeProvider clock,
    ILogger<PresenceLeaseRenewal> logger) : BackgroundService
{
    private const int ExpiredPerRound = 1000;

    private readonly RecurringJobLog _log = new(logger, "Renewing presence leases");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PresenceLease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RoundAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the service is stopping
        }
    }

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            await presence.RenewMineAsync();
            foreach (var user in await presence.TakeExpiredAsync(ExpiredPerRound))
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(user);
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GoOffline(), stoppingToken);
            }

            _log.Succeeded();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Readiness says degraded; the connections are put back at the first round Redis answers.
            LogRedisUnreachable(logger, exception.Message);
        }
#pragma warning disable CA1031 // Redis or the database unreachable: logged, tried again at the next round
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            _log.Failed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis unreachable; presence leases renewed at the next round: {Reason}")]
    private static partial void LogRedisUnreachable(ILogger logger, string reason);
}
