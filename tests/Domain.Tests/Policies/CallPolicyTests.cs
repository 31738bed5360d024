using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Policies;
using Astegni.Chat.Domain.Privacy;

namespace Astegni.Chat.Domain.Tests.Policies;

public class CallPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Target = new(2);

    private static PrivacySettings TargetAcceptingCallsFrom(Audience allowCallsFrom)
    {
        var settings = PrivacySettings.Defaults(Target, Now);
        settings.Update(new PrivacyChanges(AllowCallsFrom: allowCallsFrom), Now);
        return settings;
    }

    private static RelationshipFacts Facts(bool actorBlockedTarget = false, bool targetBlockedActor = false, bool connected = false) =>
        new(actorBlockedTarget, targetBlockedActor, connected);

    [TestCase(Audience.Everyone)]
    [TestCase(Audience.Connections)]
    [TestCase(Audience.None)]
    public void Evaluate_WhenTargetBlockedCaller_IsRefusedAsUnavailable(Audience allowCallsFrom)
    {
        var decision = CallPolicy.Evaluate(Facts(targetBlockedActor: true, connected: true), TargetAcceptingCallsFrom(allowCallsFrom));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("recipient_unavailable"));
        }
    }

    [Test]
    public void Evaluate_WhenBothBlockedEachOther_TellsTheCallerOnlyThatTheRecipientIsUnavailable()
    {
        var decision = CallPolicy.Evaluate(Facts(actorBlockedTarget: true, targetBlockedActor: true), TargetAcceptingCallsFrom(Audience.Everyone));

        Assert.That(decision.Refusal?.Code, Is.EqualTo("recipient_unavailable"));
    }

    [TestCase(Audience.Everyone)]
    [TestCase(Audience.Connections)]
    [TestCase(Audience.None)]
    public void Evaluate_WhenCallerBlockedTarget_IsRefusedAsYouBlockedRecipient(Audience allowCallsFrom)
    {
        var decision = CallPolicy.Evaluate(Facts(actorBlockedTarget: true, connected: true), TargetAcceptingCallsFrom(allowCallsFrom));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("you_blocked_recipient"));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Evaluate_WhenTargetTakesCallsFromEveryone_IsAllowed(bool connected)
    {
        var decision = CallPolicy.Evaluate(Facts(connected: connected), TargetAcceptingCallsFrom(Audience.Everyone));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.True);
            Assert.That(decision.Refusal, Is.Null);
        }
    }

    [Test]
    public void Evaluate_WithDefaultSettings_IsAllowedForStrangers()
    {
        var decision = CallPolicy.Evaluate(Facts(), PrivacySettings.Defaults(Target, Now));

        Assert.That(decision.IsAllowed, Is.True);
    }

    [Test]
    public void Evaluate_WhenTargetTakesCallsFromConnectionsAndTheyAreConnected_IsAllowed()
    {
        var decision = CallPolicy.Evaluate(Facts(connected: true), TargetAcceptingCallsFrom(Audience.Connections));

        Assert.That(decision.IsAllowed, Is.True);
    }

    [Test]
    public void Evaluate_WhenTargetTakesCallsFromConnectionsAndTheyAreNotConnected_IsRefusedAsConnectionsOnly()
    {
        var decision = CallPolicy.Evaluate(Facts(connected: false), TargetAcceptingCallsFrom(Audience.Connections));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("recipient_accepts_calls_from_connections_only"));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Evaluate_WhenTargetTakesNoCalls_IsRefusedEvenForConnections(bool connected)
    {
        var decision = CallPolicy.Evaluate(Facts(connected: connected), TargetAcceptingCallsFrom(Audience.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("recipient_not_accepting_calls"));
        }
    }

    [Test]
    public void Evaluate_OnlyLooksAtCallSettings_NotAtWhoMayMessage()
    {
        var settings = PrivacySettings.Defaults(Target, Now);
        settings.Update(new PrivacyChanges(WhoCanMessage: Audience.None, AllowCallsFrom: Audience.Everyone), Now);

        Assert.That(CallPolicy.Evaluate(Facts(), settings).IsAllowed, Is.True);
    }

    [Test]
    public void Evaluate_Refusals_AreForbiddenErrors()
    {
        var refusals = new[]
        {
            CallPolicy.Evaluate(Facts(targetBlockedActor: true), TargetAcceptingCallsFrom(Audience.Everyone)),
            CallPolicy.Evaluate(Facts(actorBlockedTarget: true), TargetAcceptingCallsFrom(Audience.Everyone)),
            CallPolicy.Evaluate(Facts(), TargetAcceptingCallsFrom(Audience.Connections)),
            CallPolicy.Evaluate(Facts(), TargetAcceptingCallsFrom(Audience.None)),
        };

        Assert.That(refusals.Select(d => d.Refusal?.Kind), Is.All.EqualTo(ErrorKind.Forbidden));
    }
}
