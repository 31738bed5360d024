using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Api.Http;

/// <summary>The one place where use-case outcomes become HTTP responses.</summary>
public static class ResultHttp
{
    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value) : Problem(result.Error);

    public static IResult ToHttp(this Result result) =>
        result.IsSuccess ? TypedResults.NoContent() : Problem(result.Error);

    public static IResult ToOk<T>(this Result<T> result) => result.ToHttp(value => TypedResults.Ok(value));

    /// <summary>The HTTP status a refusal of this kind is answered with (the OpenAPI document uses it too).</summary>
    public static int StatusFor(Error error) => error.Kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.Gone => StatusCodes.Status410Gone,
        ErrorKind.TimedOut => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult Problem(Error error)
    {
        var status = StatusFor(error);
        var extensions = new Dictionary<string, object?> { [ProblemCodes.Key] = error.Code };
        if (error.FieldErrors is { } fields)
        {
            extensions["errors"] = fields;
        }

        if (error.RateLimit is { } limit)
        {
            extensions["limit"] = new { name = limit.Limit, burst = limit.Burst, per_period = limit.PerPeriod, period_seconds = (long)limit.Period.TotalSeconds };
        }

        var problem = TypedResults.Problem(detail: error.Message, statusCode: status, title: Title(status), extensions: extensions);
        return error.RateLimit is { } hit ? new WithRetryAfter(problem, hit.RetryAfter) : problem;
    }

    /// <summary>A refusal that says when to try again, in whole seconds (RFC 9110 <c>Retry-After</c>).</summary>
    private sealed class WithRetryAfter(IResult inner, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is not valid.",
        StatusCodes.Status403Forbidden => "This is not allowed.",
        StatusCodes.Status404NotFound => "Not found.",
        StatusCodes.Status409Conflict => "Conflict.",
        StatusCodes.Status413PayloadTooLarge => "The upload is too large.",
        StatusCodes.Status429TooManyRequests => "Too many requests.",
        StatusCodes.Status503ServiceUnavailable => "This took too long.",
        _ => "The request was refused.",
    };
}
