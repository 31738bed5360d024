using System.Diagnostics;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Astegni.Chat.Application.Behaviors;

/// <summary>Logs each use case's name, outcome and duration; refusals at information level, never their content.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.IsSuccess)
        {
            LogHandled(logger, typeof(TMessage).Name, elapsed);
        }
        else
        {
            LogRefused(logger, typeof(TMessage).Name, response.Error!.Code, elapsed);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{UseCase} handled in {ElapsedMs:F1} ms")]
    private static partial void LogHandled(ILogger logger, string useCase, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} refused ({Code}) in {ElapsedMs:F1} ms")]
    private static partial void LogRefused(ILogger logger, string useCase, string code, double elapsedMs);
}
