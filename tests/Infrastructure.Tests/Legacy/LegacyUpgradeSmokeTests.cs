using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.TestSupport.Legacy;

namespace Astegni.Chat.Infrastructure.Tests.Legacy;

public sealed class LegacyUpgradeSmokeTests
{
    [TestCase(LegacyShape.Scripts)]
    [TestCase(LegacyShape.Orm)]
    public async Task Upgrade_Completes(LegacyShape shape)
    {
        var cs = await LegacyDatabase.CreateAsync($"legacy_smoke_{shape.ToString().ToLowerInvariant()}", shape);

        var dry = await new LegacyUpgrade(cs).RunAsync(new UpgradeOptions(DryRun: true, LegacyTimeZone: LegacyDatabase.TimeZone, LegacyEncryptionKey: LegacyDatabase.FernetKey));
        TestContext.Out.WriteLine(dry.ToText());
        var report = await new LegacyUpgrade(cs).RunAsync(new UpgradeOptions(LegacyTimeZone: LegacyDatabase.TimeZone, LegacyEncryptionKey: LegacyDatabase.FernetKey));
        TestContext.Out.WriteLine(report.ToText());
        var again = await new LegacyUpgrade(cs).RunAsync(new UpgradeOptions(LegacyTimeZone: LegacyDatabase.TimeZone, LegacyEncryptionKey: LegacyDatabase.FernetKey));
        TestContext.Out.WriteLine(again.ToText());

        Assert.That(report.Outcome, Is.EqualTo("upgraded"));
        Assert.That(again.Outcome, Does.StartWith("nothing to do"));
    }
}
