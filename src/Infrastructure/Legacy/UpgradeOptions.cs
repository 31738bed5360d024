namespace Astegni.Chat.Infrastructure.Legacy;

/// <param name="DryRun">Inspect and count only; write nothing.</param>
/// <param name="LegacyTimeZone">The zone legacy wall-clock timestamps were written in; null = the database's TimeZone.</param>
/// <param name="LegacyEncryptionKey">The legacy backend's Fernet key (CHAT_ENCRYPTION_KEY), if any.</param>
/// <param name="StopAfterStep">For tests of the all-or-nothing guarantee: fail after this many steps.</param>
public sealed record UpgradeOptions(
    bool DryRun = false,
    string? LegacyTimeZone = null,
    string? LegacyEncryptionKey = null,
    int? StopAfterStep = null);
