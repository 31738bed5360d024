namespace Astegni.Chat.Infrastructure.Legacy;

/// <summary>Names the legacy change feed's triggers, its relay and its listener share (see <see cref="Steps.InstallLegacyChangeFeed"/>).</summary>
public static class LegacyChangeFeed
{
    /// <summary>Where the triggers record the old backend's writes; present only on an upgraded legacy database.</summary>
    public const string Table = "chat_legacy_changes";

    /// <summary>What the triggers <c>NOTIFY</c> when a write commits.</summary>
    public const string Channel = "chat_legacy_changes";
}
