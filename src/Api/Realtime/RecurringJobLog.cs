using Astegni.Chat.Api.Http;

namespace Astegni.Chat.Api.Realtime;

/// <summary>
/// A recurring job's failures in the log. A database outage is weather: the first failed round is one
/// warning line, the rounds after it are debug until one succeeds again (one information line), so an
/// outage does not write a stack trace every poll. Any other failure is ours: an error with its stack trace.
/// </summary>
internal sealed partial class RecurringJobLog(ILogger logger, string job)
{
    private bool _unreachable;

    public void Succeeded()
    {
        if (_unreachable)
        {
            _unreachable = false;
            LogBack(logger, job);
        }
    }

    public void Failed(Exception exception)
    {
        if (!DatabaseOutage.IsOutage(exception))
        {
            LogFailed(logger, exception, job);
        }
        else if (_unreachable)
        {
            LogStillUnreachable(logger, job);
        }
        else
        {
            _unreachable = true;
            LogUnreachable(logger, job, exception.GetBaseException().Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed; trying again at the next round")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job}: database unreachable ({Reason}); trying again each round")]
    private static partial void LogUnreachable(ILogger logger, string job, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Job}: database still unreachable")]
    private static partial void LogStillUnreachable(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job}: database reachable again")]
    private static partial void LogBack(ILogger logger, string job);
}
