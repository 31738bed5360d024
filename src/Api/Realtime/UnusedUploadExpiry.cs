using Astegni.Chat.Application.Media;
using Astegni.Chat.Application.Media.ExpireUnusedUploads;
using Mediator;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Api.Realtime;

/// <summary>
/// Every <see cref="MediaOptions.UnusedUploadCheckInterval"/>, uploads no message uses are forgotten after
/// <see cref="MediaOptions.UnusedUploadLifetime"/> (<see cref="ExpireUnusedUploads"/>); their files are deleted
/// once the rows are gone. Several instances may run it at once: a row is deleted once, and so is its file.
/// </summary>
internal sealed class UnusedUploadExpiry(
    IServiceScopeFactory scopes, IMediaStorage storage, IOptions<MediaOptions> options, TimeProvider clock, ILogger<UnusedUploadExpiry> logger)
    : BackgroundService
{
    private readonly RecurringJobLog _log = new(logger, "Deleting unused uploads");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.UnusedUploadCheckInterval, clock);
        try
        {
            do
            {
                await ExpireAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the service is stopping
        }
    }

    private async Task ExpireAsync(CancellationToken stoppingToken)
    {
        try
        {
            IReadOnlyList<string> keys;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ExpireUnusedUploads(), stoppingToken);
                keys = result.IsSuccess ? result.Value.StorageKeys : [];
                foreach (var key in keys)
                {
                    await storage.DeleteAsync(key, stoppingToken);
                }
            }
            while (keys.Count == ExpireUnusedUploads.BatchSize);
            _log.Succeeded();
        }
#pragma warning disable CA1031 // a failed round (database unreachable) is logged and tried again at the next tick; it must not stop the service
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            _log.Failed(exception);
        }
    }
}
