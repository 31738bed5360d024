using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Privacy;

namespace Astegni.Chat.Domain.Policies;

/// <summary>May the actor call the target (voice or video)? The target's <c>allow_calls_from</c> and blocks decide.</summary>
public static class CallPolicy
{
    public static readonly Error ConnectionsOnly =
        Error.Forbidden("recipient_accepts_calls_from_connections_only", "This person only accepts calls from their connections.");

    public static readonly Error NotAccepting =
        Error.Forbidden("recipient_not_accepting_calls", "This person does not accept calls.");

    public static PolicyDecision Evaluate(RelationshipFacts facts, PrivacySettings targetSettings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(targetSettings);

        // Checked first so that a blocked caller is told only that the other person is unavailable,
        // even when they blocked the target too.
        if (facts.TargetBlockedActor)
        {
            return PolicyDecision.Deny(PolicyErrors.RecipientUnavailable);
        }

        if (facts.ActorBlockedTarget)
        {
            return PolicyDecision.Deny(PolicyErrors.YouBlockedRecipient);
        }

        return targetSettings.AllowCallsFrom switch
        {
            Audience.Everyone => PolicyDecision.Allow(),
            Audience.Connections when facts.AreConnected => PolicyDecision.Allow(),
            Audience.Connections => PolicyDecision.Deny(ConnectionsOnly),
            _ => PolicyDecision.Deny(NotAccepting),
        };
    }
}
