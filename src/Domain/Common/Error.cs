namespace Astegni.Chat.Domain.Common;

/// <summary>What kind of refusal an error is; the API edge maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,

    /// <summary>Over a rate limit or quota: try again after <see cref="Error.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>Larger than what is accepted (an upload over its limit), however it was found out.</summary>
    TooLarge,

    /// <summary>Was there and is no longer (a download link past its expiry): asking again will not help.</summary>
    Gone,

    /// <summary>Took longer than the work is allowed (a search over too much history): narrower work may succeed.</summary>
    TimedOut,
}

/// <summary>An expected refusal with a stable snake_case code that clients may switch on.</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind)
{
    public IReadOnlyDictionary<string, string[]>? FieldErrors { get; init; }

    /// <summary>For <see cref="ErrorKind.RateLimited"/>: which limit was hit, and when to try again.</summary>
    public RateLimitHit? RateLimit { get; init; }

    public static Error Validation(string code, string message) => new(code, message, ErrorKind.Validation);
    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);
    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);
    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
    public static Error TooLarge(string code, string message) => new(code, message, ErrorKind.TooLarge);
    public static Error Gone(string code, string message) => new(code, message, ErrorKind.Gone);
    public static Error TimedOut(string code, string message) => new(code, message, ErrorKind.TimedOut);

    public static Error RateLimited(RateLimitHit hit) =>
        new("rate_limited", $"Too many requests of this kind ({hit.Limit}); try again in {Math.Ceiling(hit.RetryAfter.TotalSeconds)} s.", ErrorKind.RateLimited)
        {
            RateLimit = hit,
        };
}

/// <summary>A limit that was hit: its name, its size (<paramref name="Burst"/> at once, <paramref name="PerPeriod"/> more each <paramref name="Period"/>), and when to retry.</summary>
public sealed record RateLimitHit(string Limit, int Burst, int PerPeriod, TimeSpan Period, TimeSpan RetryAfter);
