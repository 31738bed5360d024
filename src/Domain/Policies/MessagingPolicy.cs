using Astegni.Chat.Domain.Privacy;

namespace Astegni.Chat.Domain.Policies;

/// <summary>May the actor message the target (open a direct chat with them or write into it)?</summary>
public static class MessagingPolicy
{
    public static PolicyDecision Evaluate(RelationshipFacts facts, PrivacySettings targetSettings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(targetSettings);

        if (facts.TargetBlockedActor)
        {
            return PolicyDecision.Deny(PolicyErrors.RecipientUnavailable);
        }

        if (facts.ActorBlockedTarget)
        {
            return PolicyDecision.Deny(PolicyErrors.YouBlockedRecipient);
        }

        return targetSettings.WhoCanMessage switch
        {
            Audience.Everyone => PolicyDecision.Allow(),
            Audience.Connections when facts.AreConnected => PolicyDecision.Allow(),
            Audience.Connections => PolicyDecision.Deny(PolicyErrors.ConnectionsOnly),
            _ => PolicyDecision.Deny(PolicyErrors.NotAccepting),
        };
    }
}
