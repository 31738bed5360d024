namespace Astegni.Chat.Infrastructure.Legacy;

/// <summary>One run of <c>migrate</c>, as stored in <c>chat_migration_reports</c>: what it found and what it did.</summary>
public sealed class UpgradeReportRecord
{
    public int Id { get; set; }
    public DateTimeOffset RanAt { get; set; }

    /// <summary>fresh, legacy or incremental.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The printed report as JSON.</summary>
    public string Report { get; set; } = "{}";
}
