using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Privacy;

namespace Astegni.Chat.Domain.Tests.Privacy;

public class PrivacySettingsTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Alice = new(7);

    [Test]
    public void Defaults_AreOpenToEveryoneWithReceiptsAndIndicatorsOn()
    {
        var settings = PrivacySettings.Defaults(Alice, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.UserId, Is.EqualTo(Alice));
            Assert.That(settings.WhoCanMessage, Is.EqualTo(Audience.Everyone));
            Assert.That(settings.AllowCallsFrom, Is.EqualTo(Audience.Everyone));
            Assert.That(settings.AllowGroupAdds, Is.EqualTo(Audience.Everyone));
            Assert.That(settings.LastSeenVisibility, Is.EqualTo(Visibility.Everyone));
            Assert.That(settings.OnlineStatus, Is.True);
            Assert.That(settings.ReadReceipts, Is.True);
            Assert.That(settings.TypingIndicators, Is.True);
            Assert.That(settings.DisableForwarding, Is.False);
            Assert.That(settings.BlockScreenshots, Is.False);
            Assert.That(settings.CreatedAt, Is.EqualTo(Now));
            Assert.That(settings.UpdatedAt, Is.EqualTo(Now));
        }
    }

    [Test]
    public void Update_ChangesOnlyTheFieldsGivenAndBumpsUpdatedAt()
    {
        var settings = PrivacySettings.Defaults(Alice, Now);
        var later = Now.AddHours(1);

        settings.Update(new PrivacyChanges(WhoCanMessage: Audience.Connections, ReadReceipts: false), later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.WhoCanMessage, Is.EqualTo(Audience.Connections));
            Assert.That(settings.ReadReceipts, Is.False);
            Assert.That(settings.AllowCallsFrom, Is.EqualTo(Audience.Everyone));
            Assert.That(settings.AllowGroupAdds, Is.EqualTo(Audience.Everyone));
            Assert.That(settings.LastSeenVisibility, Is.EqualTo(Visibility.Everyone));
            Assert.That(settings.OnlineStatus, Is.True);
            Assert.That(settings.TypingIndicators, Is.True);
            Assert.That(settings.DisableForwarding, Is.False);
            Assert.That(settings.BlockScreenshots, Is.False);
            Assert.That(settings.CreatedAt, Is.EqualTo(Now));
            Assert.That(settings.UpdatedAt, Is.EqualTo(later));
        }
    }

    [Test]
    public void Update_CanChangeEveryField()
    {
        var settings = PrivacySettings.Defaults(Alice, Now);

        settings.Update(
            new PrivacyChanges(
                WhoCanMessage: Audience.None,
                AllowCallsFrom: Audience.Connections,
                AllowGroupAdds: Audience.None,
                LastSeenVisibility: Visibility.Nobody,
                OnlineStatus: false,
                ReadReceipts: false,
                TypingIndicators: false,
                DisableForwarding: true,
                BlockScreenshots: true),
            Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.WhoCanMessage, Is.EqualTo(Audience.None));
            Assert.That(settings.AllowCallsFrom, Is.EqualTo(Audience.Connections));
            Assert.That(settings.AllowGroupAdds, Is.EqualTo(Audience.None));
            Assert.That(settings.LastSeenVisibility, Is.EqualTo(Visibility.Nobody));
            Assert.That(settings.OnlineStatus, Is.False);
            Assert.That(settings.ReadReceipts, Is.False);
            Assert.That(settings.TypingIndicators, Is.False);
            Assert.That(settings.DisableForwarding, Is.True);
            Assert.That(settings.BlockScreenshots, Is.True);
        }
    }

    [Test]
    public void Update_WithNothingSet_KeepsEarlierChoices()
    {
        var settings = PrivacySettings.Defaults(Alice, Now);
        settings.Update(new PrivacyChanges(LastSeenVisibility: Visibility.Connections, DisableForwarding: true), Now.AddHours(1));

        settings.Update(new PrivacyChanges(), Now.AddHours(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.LastSeenVisibility, Is.EqualTo(Visibility.Connections));
            Assert.That(settings.DisableForwarding, Is.True);
            Assert.That(settings.UpdatedAt, Is.EqualTo(Now.AddHours(2)));
        }
    }
}
