using Astegni.Chat.Api.Auth;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Microsoft.AspNetCore.SignalR;

namespace Astegni.Chat.Api.Realtime;

/// <summary>
/// The caller of every hub method, and of the connect and disconnect handlers, is the connection's
/// validated token's user, set on the scope's <see cref="CurrentUser"/> before the hub runs, exactly as
/// <see cref="CallerFromToken"/> does for REST requests.
/// </summary>
internal sealed class CallerFromConnection : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        SetCaller(invocationContext.Context, invocationContext.ServiceProvider);
        return next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        SetCaller(context.Context, context.ServiceProvider);
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        SetCaller(context.Context, context.ServiceProvider);
        return next(context, exception);
    }

    private static void SetCaller(HubCallerContext connection, IServiceProvider services)
    {
        // The hub requires authentication and the token validation refuses a subject that is not a user
        // id, so a connection without one cannot get here.
        if (connection.User is not { } user || !ChatAuthentication.TryGetUserId(user, out var userId))
        {
            throw new HubException("unauthorized");
        }

        services.GetRequiredService<CurrentUser>().Set(new UserId(userId));
    }
}
