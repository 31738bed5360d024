using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Privacy;

namespace Astegni.Chat.Application.Privacy;

/// <summary>A user's privacy settings as the API shows them (enum values as snake_case words).</summary>
public sealed record PrivacySettingsView(
    string WhoCanMessage,
    string AllowCallsFrom,
    string AllowGroupAdds,
    string LastSeenVisibility,
    bool OnlineStatus,
    bool ReadReceipts,
    bool TypingIndicators,
    bool DisableForwarding,
    bool BlockScreenshots)
{
    public static PrivacySettingsView From(PrivacySettings s) => new(
        WireValue.Of(s.WhoCanMessage),
        WireValue.Of(s.AllowCallsFrom),
        WireValue.Of(s.AllowGroupAdds),
        WireValue.Of(s.LastSeenVisibility),
        s.OnlineStatus,
        s.ReadReceipts,
        s.TypingIndicators,
        s.DisableForwarding,
        s.BlockScreenshots);
}
