using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Policies;
using Astegni.Chat.Domain.Privacy;

namespace Astegni.Chat.Domain.Tests.Policies;

public class MessagingPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Target = new(2);

    private static PrivacySettings TargetAccepting(Audience whoCanMessage)
    {
        var settings = PrivacySettings.Defaults(Target, Now);
        settings.Update(new PrivacyChanges(WhoCanMessage: whoCanMessage), Now);
        return settings;
    }

    private static RelationshipFacts Facts(bool actorBlockedTarget = false, bool targetBlockedActor = false, bool connected = false) =>
        new(actorBlockedTarget, targetBlockedActor, connected);

    [TestCase(Audience.Everyone)]
    [TestCase(Audience.Connections)]
    [TestCase(Audience.None)]
    public void Evaluate_WhenTargetBlockedActor_IsRefusedAsUnavailable(Audience whoCanMessage)
    {
        var decision = MessagingPolicy.Evaluate(Facts(targetBlockedActor: true, connected: true), TargetAccepting(whoCanMessage));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("recipient_unavailable"));
        }
    }

    [Test]
    public void Evaluate_WhenBothBlockedEachOther_TellsTheBlockedPersonOnlyThatTheRecipientIsUnavailable()
    {
        var decision = MessagingPolicy.Evaluate(
            Facts(actorBlockedTarget: true, targetBlockedActor: true), TargetAccepting(Audience.Everyone));

        Assert.That(decision.Refusal?.Code, Is.EqualTo("recipient_unavailable"));
    }

    [TestCase(Audience.Everyone)]
    [TestCase(Audience.Connections)]
    [TestCase(Audience.None)]
    public void Evaluate_WhenActorBlockedTarget_IsRefusedAsYouBlockedRecipient(Audience whoCanMessage)
    {
        var decision = MessagingPolicy.Evaluate(Facts(actorBlockedTarget: true, connected: true), TargetAccepting(whoCanMessage));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("you_blocked_recipient"));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Evaluate_WhenTargetAcceptsEveryone_IsAllowed(bool connected)
    {
        var decision = MessagingPolicy.Evaluate(Facts(connected: connected), TargetAccepting(Audience.Everyone));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.True);
            Assert.That(decision.Refusal, Is.Null);
        }
    }

    [Test]
    public void Evaluate_WithDefaultSettings_IsAllowedForStrangers()
    {
        var decision = MessagingPolicy.Evaluate(Facts(), PrivacySettings.Defaults(Target, Now));

        Assert.That(decision.IsAllowed, Is.True);
    }

    [Test]
    public void Evaluate_WhenTargetAcceptsConnectionsAndTheyAreConnected_IsAllowed()
    {
        var decision = MessagingPolicy.Evaluate(Facts(connected: true), TargetAccepting(Audience.Connections));

        Assert.That(decision.IsAllowed, Is.True);
    }

    [Test]
    public void Evaluate_WhenTargetAcceptsConnectionsAndTheyAreNotConnected_IsRefusedAsConnectionsOnly()
    {
        var decision = MessagingPolicy.Evaluate(Facts(connected: false), TargetAccepting(Audience.Connections));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("recipient_accepts_connections_only"));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Evaluate_WhenTargetAcceptsNoOne_IsRefusedAsNotAcceptingEvenForConnections(bool connected)
    {
        var decision = MessagingPolicy.Evaluate(Facts(connected: connected), TargetAccepting(Audience.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("recipient_not_accepting_messages"));
        }
    }

    [Test]
    public void Evaluate_Refusals_AreForbiddenErrors()
    {
        var decision = MessagingPolicy.Evaluate(Facts(targetBlockedActor: true), TargetAccepting(Audience.Everyone));

        Assert.That(decision.Refusal?.Kind, Is.EqualTo(ErrorKind.Forbidden));
    }
}
