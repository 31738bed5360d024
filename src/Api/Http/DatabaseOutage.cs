using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Astegni.Chat.Api.Http;

/// <summary>
/// The database is unreachable (down, restarting, refusing connections): a transient outage the client
/// should retry, answered 503 <c>service_unavailable</c> with <c>Retry-After</c>, never 500. Only
/// connection-level failures count; a statement PostgreSQL refused (a constraint, a deadlock) is a bug or
/// a conflict, not an outage.
/// </summary>
public static class DatabaseOutage
{
    public const string Code = "service_unavailable";

    /// <summary>Seconds a client is asked to wait before retrying.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsOutage(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // 08: connection exception; 57P: the server is shutting down, crashed or still starting;
                // 53300: too many connections.
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || postgres.SqlState == PostgresErrorCodes.TooManyConnections;
                // Npgsql marks socket, I/O and timeout failures (and an exhausted pool) transient.
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    public static void AddRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// An outage is expected weather, not a bug: one warning line (no stack trace) and a 503 problem.
/// Handled here, the exception middleware writes no error-level "unhandled exception" entry for it.
/// </summary>
internal sealed class DatabaseOutageExceptionHandler(IProblemDetailsService problems, ILogger<DatabaseOutageExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.IsOutage(exception))
        {
            return false;
        }

        logger.LogWarning("Database unreachable while serving {Method} {Path}: {Reason}",
            httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        DatabaseOutage.AddRetryAfter(httpContext.Response);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "The service is unavailable. Please retry shortly." },
        });
    }
}

/// <summary>
/// A body or parameter that cannot be read is the client's mistake: one information line, and the
/// problem the framework would have written, without the middleware's error-level stack trace.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        logger.LogInformation("Unreadable request {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, bad.Message);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception });
    }
}
