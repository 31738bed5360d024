using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Astegni.Chat.Api.Http;

/// <summary>
/// Every error response is RFC 7807 problem details with a stable <c>code</c>. Refusals from use cases
/// carry their own; responses the framework produces (bad JSON, no token, unknown route) get one by status.
/// Unexpected failures say nothing of their cause.
/// </summary>
public static class ProblemCodes
{
    public const string Key = "code";

    public static IServiceCollection AddChatProblemDetails(this IServiceCollection services) =>
        services.AddExceptionHandler<BadRequestExceptionHandler>().AddExceptionHandler<DatabaseOutageExceptionHandler>().AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (context.Exception is BadHttpRequestException badRequest)
            {
                status = badRequest.StatusCode;
                problem.Status = status;
                context.HttpContext.Response.StatusCode = status;
                problem.Title = "The request body or parameters could not be read.";
            }

            // A use case's refusal carries its own code and words (a search that took too long says what to do);
            // any other 5xx says nothing of its cause.
            var refusal = problem.Extensions.ContainsKey(Key);
            problem.Extensions.TryAdd(Key, ForStatus(status));
            problem.Detail = status >= 500 && !refusal ? "Something went wrong on our side. Please try again." : problem.Detail;
            problem.Extensions.Remove("exception");
            problem.Instance ??= context.HttpContext.Request.Path;
            // The framework adds "traceId", which the snake_case key policy would write as a second "trace_id":
            // one key, the trace id the request log carries.
            problem.Extensions.Remove("traceId");
            problem.Extensions["trace_id"] = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.TraceId.ToString();
        });

    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "malformed_request",
        StatusCodes.Status401Unauthorized => "unauthorized",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status410Gone => "gone",
        StatusCodes.Status413PayloadTooLarge => "payload_too_large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        StatusCodes.Status429TooManyRequests => "too_many_requests",
        StatusCodes.Status503ServiceUnavailable => DatabaseOutage.Code,
        >= 500 => "internal_error",
        _ => "request_refused",
    };

    /// <summary>Exceptions become problem details; a malformed request is the client's 400, anything else a bare 500.</summary>
    public static WebApplication UseChatProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when DatabaseOutage.IsOutage(exception) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        return app;
    }
}
