using Microsoft.AspNetCore.SignalR;

namespace Astegni.Chat.Api.Realtime;

/// <summary>
/// How hub calls reach the log. SignalR's dispatcher writes every failed call as an error with a stack
/// trace, a refusal included (<c>Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher</c> is
/// silenced in <see cref="ChatHost"/>); here a refusal, the client's mistake, is one debug line (the
/// use case already logged it once at information), and only a failure of ours is an error.
/// </summary>
internal sealed class HubCallLog(ILogger<HubCallLog> logger) : IHubFilter
{
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refused)
        {
            logger.LogDebug("Hub call {Method} refused: {Code}", invocationContext.HubMethodName, refused.Message);
            throw;
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            // The client went away mid-call: nobody is waiting for the answer.
            throw;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Hub call {Method} failed", invocationContext.HubMethodName);
            throw;
        }
    }
}
