using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.TestSupport.Legacy;

namespace Astegni.Chat.Infrastructure.Tests.Legacy;

internal static class Options
{
    public static UpgradeOptions Upgrade { get; } = new(LegacyTimeZone: LegacyDatabase.TimeZone, LegacyEncryptionKey: LegacyDatabase.FernetKey);

    public static UpgradeOptions DryRun { get; } = Upgrade with { DryRun = true };
}
