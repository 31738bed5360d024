namespace Astegni.Chat.Api.ScaleOut;

/// <summary>Settings of several instances sharing Redis (configuration section <c>Redis</c>).</summary>
public sealed class ScaleOutOptions
{
    public const string Section = "Redis";

    /// <summary>The StackExchange.Redis configuration string; absent, the service is one process.</summary>
    public string? Connection { get; set; }

    /// <summary>
    /// How long a hub connection counts as open without its instance renewing it (every third of this): the
    /// longest an instance that died leaves its users online.
    /// </summary>
    public TimeSpan PresenceLease { get; set; } = TimeSpan.FromSeconds(30);
}
