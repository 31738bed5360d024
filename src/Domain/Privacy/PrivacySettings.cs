using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Privacy;

/// <summary>
/// A user's chat privacy choices (one row per user in <c>chat_settings</c>). A user who never saved
/// settings gets <see cref="Defaults"/>: open to everyone, receipts and indicators on.
/// </summary>
public sealed class PrivacySettings
{
    private PrivacySettings()
    {
    }

    public int Id { get; private set; }
    public UserId UserId { get; private set; }
    public Audience WhoCanMessage { get; private set; }
    public Audience AllowCallsFrom { get; private set; }
    public Audience AllowGroupAdds { get; private set; }
    public Visibility LastSeenVisibility { get; private set; }
    public bool OnlineStatus { get; private set; }
    public bool ReadReceipts { get; private set; }
    public bool TypingIndicators { get; private set; }
    public bool DisableForwarding { get; private set; }
    public bool BlockScreenshots { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static PrivacySettings Defaults(UserId userId, DateTimeOffset now) => new()
    {
        UserId = userId,
        WhoCanMessage = Audience.Everyone,
        AllowCallsFrom = Audience.Everyone,
        AllowGroupAdds = Audience.Everyone,
        LastSeenVisibility = Visibility.Everyone,
        OnlineStatus = true,
        ReadReceipts = true,
        TypingIndicators = true,
        DisableForwarding = false,
        BlockScreenshots = false,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Applies the fields that are set; unset fields keep their value.</summary>
    public void Update(PrivacyChanges changes, DateTimeOffset now)
    {
        WhoCanMessage = changes.WhoCanMessage ?? WhoCanMessage;
        AllowCallsFrom = changes.AllowCallsFrom ?? AllowCallsFrom;
        AllowGroupAdds = changes.AllowGroupAdds ?? AllowGroupAdds;
        LastSeenVisibility = changes.LastSeenVisibility ?? LastSeenVisibility;
        OnlineStatus = changes.OnlineStatus ?? OnlineStatus;
        ReadReceipts = changes.ReadReceipts ?? ReadReceipts;
        TypingIndicators = changes.TypingIndicators ?? TypingIndicators;
        DisableForwarding = changes.DisableForwarding ?? DisableForwarding;
        BlockScreenshots = changes.BlockScreenshots ?? BlockScreenshots;
        UpdatedAt = now;
    }
}

public sealed record PrivacyChanges(
    Audience? WhoCanMessage = null,
    Audience? AllowCallsFrom = null,
    Audience? AllowGroupAdds = null,
    Visibility? LastSeenVisibility = null,
    bool? OnlineStatus = null,
    bool? ReadReceipts = null,
    bool? TypingIndicators = null,
    bool? DisableForwarding = null,
    bool? BlockScreenshots = null);
