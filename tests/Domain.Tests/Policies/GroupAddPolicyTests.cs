using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Policies;
using Astegni.Chat.Domain.Privacy;

namespace Astegni.Chat.Domain.Tests.Policies;

public class GroupAddPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Target = new(2);

    private static PrivacySettings TargetAllowingGroupAdds(Audience allowGroupAdds)
    {
        var settings = PrivacySettings.Defaults(Target, Now);
        settings.Update(new PrivacyChanges(AllowGroupAdds: allowGroupAdds), Now);
        return settings;
    }

    private static RelationshipFacts Facts(bool actorBlockedTarget = false, bool targetBlockedActor = false, bool connected = false) =>
        new(actorBlockedTarget, targetBlockedActor, connected);

    [TestCase(Audience.Everyone, false)]
    [TestCase(Audience.Everyone, true)]
    [TestCase(Audience.Connections, true)]
    [TestCase(Audience.None, true)]
    public void Evaluate_WhenTargetBlockedActor_IsRefusedWithTheNeutralCode(Audience allowGroupAdds, bool connected)
    {
        var decision = GroupAddPolicy.Evaluate(Facts(targetBlockedActor: true, connected: connected), TargetAllowingGroupAdds(allowGroupAdds));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("cannot_add_user"));
        }
    }

    [Test]
    public void Evaluate_BlockedByTarget_LooksExactlyLikeTargetAcceptingNoGroupAdds()
    {
        var blocked = GroupAddPolicy.Evaluate(Facts(targetBlockedActor: true), TargetAllowingGroupAdds(Audience.Everyone));
        var notAccepting = GroupAddPolicy.Evaluate(Facts(), TargetAllowingGroupAdds(Audience.None));

        Assert.That(blocked.Refusal, Is.EqualTo(notAccepting.Refusal), "code, message and kind: nothing tells the block apart");
    }

    [Test]
    public void Evaluate_WhenBothBlockedEachOther_StillRevealsNothingOfTheTargetsBlock()
    {
        var decision = GroupAddPolicy.Evaluate(
            Facts(actorBlockedTarget: true, targetBlockedActor: true), TargetAllowingGroupAdds(Audience.Everyone));

        Assert.That(decision.Refusal?.Code, Is.EqualTo("cannot_add_user"));
    }

    [TestCase(Audience.Everyone)]
    [TestCase(Audience.Connections)]
    [TestCase(Audience.None)]
    public void Evaluate_WhenActorBlockedTarget_IsRefusedAsYouBlockedUser(Audience allowGroupAdds)
    {
        var decision = GroupAddPolicy.Evaluate(Facts(actorBlockedTarget: true, connected: true), TargetAllowingGroupAdds(allowGroupAdds));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("you_blocked_user"));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Evaluate_WhenTargetAllowsEveryone_IsAllowed(bool connected)
    {
        var decision = GroupAddPolicy.Evaluate(Facts(connected: connected), TargetAllowingGroupAdds(Audience.Everyone));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.True);
            Assert.That(decision.Refusal, Is.Null);
        }
    }

    [Test]
    public void Evaluate_WithDefaultSettings_IsAllowedForStrangers()
    {
        var decision = GroupAddPolicy.Evaluate(Facts(), PrivacySettings.Defaults(Target, Now));

        Assert.That(decision.IsAllowed, Is.True);
    }

    [Test]
    public void Evaluate_WhenTargetAllowsConnectionsAndTheyAreConnected_IsAllowed()
    {
        var decision = GroupAddPolicy.Evaluate(Facts(connected: true), TargetAllowingGroupAdds(Audience.Connections));

        Assert.That(decision.IsAllowed, Is.True);
    }

    [Test]
    public void Evaluate_WhenTargetAllowsConnectionsAndTheyAreNotConnected_IsRefusedAsConnectionsOnly()
    {
        var decision = GroupAddPolicy.Evaluate(Facts(connected: false), TargetAllowingGroupAdds(Audience.Connections));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("group_adds_from_connections_only"));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Evaluate_WhenTargetAllowsNoOne_IsRefusedEvenForConnections(bool connected)
    {
        var decision = GroupAddPolicy.Evaluate(Facts(connected: connected), TargetAllowingGroupAdds(Audience.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("cannot_add_user"));
        }
    }

    [Test]
    public void Evaluate_IgnoresWhoCanMessage_OnlyGroupAddsDecide()
    {
        var settings = PrivacySettings.Defaults(Target, Now);
        settings.Update(new PrivacyChanges(WhoCanMessage: Audience.None, AllowGroupAdds: Audience.Everyone), Now);

        var decision = GroupAddPolicy.Evaluate(Facts(), settings);

        Assert.That(decision.IsAllowed, Is.True);
    }

    [Test]
    public void Evaluate_Refusals_AreForbiddenErrors()
    {
        var refusals = new[]
        {
            GroupAddPolicy.Evaluate(Facts(targetBlockedActor: true), TargetAllowingGroupAdds(Audience.Everyone)),
            GroupAddPolicy.Evaluate(Facts(actorBlockedTarget: true), TargetAllowingGroupAdds(Audience.Everyone)),
            GroupAddPolicy.Evaluate(Facts(), TargetAllowingGroupAdds(Audience.Connections)),
            GroupAddPolicy.Evaluate(Facts(), TargetAllowingGroupAdds(Audience.None)),
        };

        Assert.That(refusals.Select(r => r.Refusal?.Kind), Has.All.EqualTo(ErrorKind.Forbidden));
    }
}
