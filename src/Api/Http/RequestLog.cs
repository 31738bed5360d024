using System.Diagnostics;
using Astegni.Chat.Api.Auth;
using Microsoft.AspNetCore.Http.Features;

namespace Astegni.Chat.Api.Http;

/// <summary>
/// One information line per request: method, route template (never the raw path with its ids and query),
/// status, duration, the caller's user id and the <c>trace_id</c> a problem body carries, so an error a user
/// reports can be found. Never a body, never a token.
/// </summary>
internal static partial class RequestLog
{
    public static WebApplication UseRequestLog(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Astegni.Chat.Requests");
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            // Routing ran before this middleware; the exception handler clears the endpoint on a 5xx, so keep it.
            var routed = context.GetEndpoint();
            try
            {
                await next(context);
            }
            finally
            {
                // A group's root ("/api/chat/messages/") reads as the resource itself.
                var route = ((context.GetEndpoint() ?? routed) as RouteEndpoint)?.RoutePattern.RawText is { Length: > 1 } template
                    ? template.TrimEnd('/')
                    : "(no route)";
                int? user = ChatAuthentication.TryGetUserId(context.User, out var id) ? id : null;
                var traceId = context.Features.Get<IHttpActivityFeature>()?.Activity.TraceId.ToString();
                LogRequest(logger, context.Request.Method, route, context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds, user, traceId);
            }
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Method} {Route} answered {Status} in {DurationMs:0.0} ms for user {UserId} (trace {TraceId})")]
    private static partial void LogRequest(ILogger logger, string method, string route, int status, double durationMs, int? userId, string? traceId);
}
