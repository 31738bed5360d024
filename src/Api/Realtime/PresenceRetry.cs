using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Presence;
using Astegni.Chat.Application.Presence.GoOnline;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Api.Realtime;

/// <summary>
/// A hub connection opened while the database is down stays open; announcing its user online is retried
/// in the background with backoff (1 s doubling to 30 s, for about five minutes), and given up as soon as
/// the user has no connection left or the service stops.
/// </summary>
public sealed class PresenceRetry(IServiceScopeFactory scopes, IPresenceStore presence, IHostApplicationLifetime lifetime, ILogger<PresenceRetry> logger)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(30);
    private const int Attempts = 14;

    public void GoOnlineLater(UserId user) => _ = Task.Run(() => RetryAsync(user));

    private async Task RetryAsync(UserId user)
    {
        var stopping = lifetime.ApplicationStopping;
        var delay = FirstDelay;
        for (var attempt = 1; attempt <= Attempts && !stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                if (!await presence.IsOnlineAsync(user, stopping))
                {
                    return;
                }

                await Task.Delay(delay, stopping);
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(user);
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GoOnline(), stopping);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DatabaseOutage.IsOutage(exception))
            {
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestDelay.Ticks));
            }
        }

        logger.LogWarning("Gave up announcing user {UserId} online: the database stayed unreachable", user.Value);
    }
}
