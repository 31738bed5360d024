using Astegni.Chat.Application.Legacy.RelayLegacyWrites;
using Astegni.Chat.Infrastructure.Legacy;
using Mediator;
using Npgsql;

namespace Astegni.Chat.Api.Realtime;

/// <summary>
/// While the old backend runs beside this module on an upgraded database, <c>LISTEN</c>s for its writes and relays them
/// (<see cref="RelayLegacyWrites"/>), within milliseconds of their commit. The writes wait in a table, not in the
/// notification: after a dropped connection or a restart the listener reconnects and relays whatever is left, oldest
/// first; a notification missed in between is made up by a check every <see cref="PollInterval"/>. Every instance
/// listens; whichever takes a write relays it, once, and the backplane carries its pushes to the other instances.
/// On a database that was never a legacy one the feed does not exist, and the listener only looks again now and then.
/// </summary>
internal sealed class LegacyWriteListener(
    string connectionString, IServiceScopeFactory scopes, ILogger<LegacyWriteListener> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan NoFeedRecheck = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly RecurringJobLog _log = new(logger, "Relaying the legacy backend's writes");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a lost connection (database restarted, listener terminated) is logged and the listener reconnects
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _log.Failed(exception);
                await Task.Delay(ReconnectDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(stoppingToken);
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('{LegacyChangeFeed.Table}') IS NOT NULL", connection))
        {
            if (await exists.ExecuteScalarAsync(stoppingToken) is not true)
            {
                _log.Succeeded();
                await Task.Delay(NoFeedRecheck, stoppingToken);
                return;
            }
        }

        await using (var listen = new NpgsqlCommand($"LISTEN {LegacyChangeFeed.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        while (true)
        {
            await RelayAllAsync(stoppingToken);
            _log.Succeeded();
            await connection.WaitAsync(PollInterval, stoppingToken);
        }
    }

    private async Task RelayAllAsync(CancellationToken stoppingToken)
    {
        var command = new RelayLegacyWrites();
        int relayed;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, stoppingToken);
            relayed = result.IsSuccess ? result.Value : 0;
        }
        while (relayed == RelayLegacyWrites.BatchSize);
    }
}
