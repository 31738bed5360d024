using Astegni.Chat.Api.Http;
using Microsoft.AspNetCore.SignalR;

namespace Astegni.Chat.Api.Realtime;

/// <summary>
/// A hub call that meets a database outage fails with the same stable code as REST
/// (<c>service_unavailable</c>), logged as one warning line, so clients can tell it from a bug.
/// </summary>
internal sealed class DatabaseOutageHubFilter(ILogger<DatabaseOutageHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception exception) when (DatabaseOutage.IsOutage(exception))
        {
            logger.LogWarning("Database unreachable during hub call {Method}: {Reason}",
                invocationContext.HubMethodName, exception.GetBaseException().Message);
            throw new HubException(DatabaseOutage.Code);
        }
    }
}
