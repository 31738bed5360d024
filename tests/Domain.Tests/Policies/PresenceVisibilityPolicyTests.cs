using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Policies;
using Astegni.Chat.Domain.Privacy;

namespace Astegni.Chat.Domain.Tests.Policies;

public class PresenceVisibilityPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Viewer = new(1);
    private static readonly UserId Target = new(2);

    private static PrivacySettings TargetSettings(bool onlineStatus = true, Visibility lastSeen = Visibility.Everyone, UserId? target = null)
    {
        var settings = PrivacySettings.Defaults(target ?? Target, Now);
        settings.Update(new PrivacyChanges(OnlineStatus: onlineStatus, LastSeenVisibility: lastSeen), Now);
        return settings;
    }

    private static RelationshipFacts Facts(bool viewerBlockedTarget = false, bool targetBlockedViewer = false, bool connected = false) =>
        new(viewerBlockedTarget, targetBlockedViewer, connected);

    [Test]
    public void Evaluate_WithDefaultSettings_ShowsEverythingToStrangers()
    {
        var visible = PresenceVisibilityPolicy.Evaluate(Viewer, Facts(), PrivacySettings.Defaults(Target, Now));

        Assert.That(visible, Is.EqualTo(PresenceVisibility.Everything));
    }

    [TestCase(false, Visibility.Nobody)]
    [TestCase(false, Visibility.Connections)]
    [TestCase(true, Visibility.Everyone)]
    public void Evaluate_ForMyself_ShowsEverythingWhateverMySettings(bool onlineStatus, Visibility lastSeen)
    {
        var visible = PresenceVisibilityPolicy.Evaluate(Viewer, Facts(), TargetSettings(onlineStatus, lastSeen, target: Viewer));

        Assert.That(visible, Is.EqualTo(PresenceVisibility.Everything));
    }

    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(true, true)]
    public void Evaluate_AcrossABlockInEitherDirection_ShowsNothingEvenToConnections(bool viewerBlockedTarget, bool targetBlockedViewer)
    {
        var visible = PresenceVisibilityPolicy.Evaluate(
            Viewer, Facts(viewerBlockedTarget, targetBlockedViewer, connected: true), TargetSettings());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(visible, Is.EqualTo(PresenceVisibility.Nothing));
            Assert.That(visible.Any, Is.False);
        }
    }

    [Test]
    public void Evaluate_WhenTargetHidesOnlineStatus_HidesOnlineButStillShowsLastSeenPerItsOwnSetting()
    {
        var visible = PresenceVisibilityPolicy.Evaluate(Viewer, Facts(connected: true), TargetSettings(onlineStatus: false));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(visible.OnlineStatus, Is.False);
            Assert.That(visible.LastSeen, Is.True);
            Assert.That(visible.Any, Is.True);
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Evaluate_LastSeenForEveryone_IsShownToConnectionsAndStrangers(bool connected)
    {
        var visible = PresenceVisibilityPolicy.Evaluate(Viewer, Facts(connected: connected), TargetSettings(lastSeen: Visibility.Everyone));

        Assert.That(visible.LastSeen, Is.True);
    }

    [Test]
    public void Evaluate_LastSeenForConnections_IsShownToAConnection()
    {
        var visible = PresenceVisibilityPolicy.Evaluate(Viewer, Facts(connected: true), TargetSettings(lastSeen: Visibility.Connections));

        Assert.That(visible.LastSeen, Is.True);
    }

    [Test]
    public void Evaluate_LastSeenForConnections_IsHiddenFromAStranger_WhoStillSeesOnlineStatus()
    {
        var visible = PresenceVisibilityPolicy.Evaluate(Viewer, Facts(connected: false), TargetSettings(lastSeen: Visibility.Connections));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(visible.LastSeen, Is.False);
            Assert.That(visible.OnlineStatus, Is.True);
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Evaluate_LastSeenForNobody_IsHiddenEvenFromConnections(bool connected)
    {
        var visible = PresenceVisibilityPolicy.Evaluate(Viewer, Facts(connected: connected), TargetSettings(lastSeen: Visibility.Nobody));

        Assert.That(visible.LastSeen, Is.False);
    }

    [Test]
    public void Evaluate_WhenTargetHidesBoth_ShowsNothing()
    {
        var visible = PresenceVisibilityPolicy.Evaluate(
            Viewer, Facts(connected: true), TargetSettings(onlineStatus: false, lastSeen: Visibility.Nobody));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(visible, Is.EqualTo(PresenceVisibility.Nothing));
            Assert.That(visible.Any, Is.False);
        }
    }
}
