using System.Text.Json;

namespace Astegni.Chat.Application.Events.Outbox;

/// <summary>How the outbox dispatcher works (<c>Outbox:*</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// How often the dispatcher looks for rows nobody woke it for (written by another instance, or put back after
    /// a failure). A commit in this process wakes it at once.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a command's answer waits at most for the dispatcher to publish what it wrote (normally a few
    /// milliseconds). Beyond that it answers anyway; the rows are published as soon as the dispatcher can.
    /// </summary>
    public TimeSpan MaxPublishWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Rows claimed at a time.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long claimed rows stay hidden from other claims: a dispatcher that died is replaced after this.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a new row is left to the instance that wrote it before any other instance may publish it (its
    /// writer crashed between commit and publication).
    /// </summary>
    public TimeSpan TakeoverDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before a notification whose handler keeps failing is given up (logged as an error and deleted).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// The JSON settings of the hub (set by the host), so a push stored in the outbox is sent exactly as the hub
    /// would have serialized it.
    /// </summary>
    public JsonSerializerOptions HubJson { get; } = new(JsonSerializerDefaults.Web);
}
