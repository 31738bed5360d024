namespace Astegni.Chat.Application.RateLimits;

/// <summary>
/// Per-user limits (configuration section <c>RateLimits</c>), per user and never per IP address: Astegni's
/// students share school and café networks. Each is a token bucket: <see cref="RateLimitRule.Burst"/> at once,
/// then <see cref="RateLimitRule.PerPeriod"/> more each <see cref="RateLimitRule.Period"/>. The defaults are
/// far above what a person does by hand and well below what a script does.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off only for benchmarks and load tests.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Messages sent (Synapse's per-user message limit in spirit): 30 at once, then 1 a second.</summary>
    public RateLimitRule Messages { get; set; } = new() { Burst = 30, PerPeriod = 60, Period = TimeSpan.FromMinutes(1) };

    /// <summary>Opening or creating conversations and adding group members: 30 at once, then 200 an hour.</summary>
    public RateLimitRule Conversations { get; set; } = new() { Burst = 30, PerPeriod = 200, Period = TimeSpan.FromHours(1) };

    /// <summary>Uploads, counted: 30 at once, then 100 an hour.</summary>
    public RateLimitRule Uploads { get; set; } = new() { Burst = 30, PerPeriod = 100, Period = TimeSpan.FromHours(1) };

    /// <summary>Uploads, in megabytes: 1 GB an hour.</summary>
    public RateLimitRule UploadMegabytes { get; set; } = new() { Burst = 1024, PerPeriod = 1024, Period = TimeSpan.FromHours(1) };

    /// <summary>Hub frames a user sends (typing, call signals): 200 at once, then 50 a second.</summary>
    public RateLimitRule HubFrames { get; set; } = new() { Burst = 200, PerPeriod = 50, Period = TimeSpan.FromSeconds(1) };

    /// <summary>Everything a user may keep uploaded at once, in megabytes (5 GB).</summary>
    public long StorageQuotaMegabytes { get; set; } = 5 * 1024;

    /// <summary>Open hub connections per user, over all their devices and tabs.</summary>
    public int HubConnectionsPerUser { get; set; } = 20;

    public RateLimitRule this[RateLimit limit] => limit switch
    {
        RateLimit.Messages => Messages,
        RateLimit.Conversations => Conversations,
        RateLimit.Uploads => Uploads,
        RateLimit.UploadMegabytes => UploadMegabytes,
        _ => HubFrames,
    };
}

public sealed class RateLimitRule
{
    public int Burst { get; set; }

    public int PerPeriod { get; set; }

    public TimeSpan Period { get; set; }
}

/// <summary>The limits a use case can be subject to.</summary>
public enum RateLimit
{
    Messages,
    Conversations,
    Uploads,
    UploadMegabytes,
    HubFrames,
}

/// <summary>Marks a use case whose every call counts against one of the caller's limits (see <c>RateLimitBehavior</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RateLimitedAttribute(RateLimit limit) : Attribute
{
    public RateLimit Limit { get; } = limit;
}
