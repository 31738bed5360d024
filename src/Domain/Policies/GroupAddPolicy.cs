using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Privacy;

namespace Astegni.Chat.Domain.Policies;

/// <summary>May the actor add the target to a group (when creating it, or later as its admin)?</summary>
public static class GroupAddPolicy
{
    /// <summary>
    /// Neutral on purpose: it is what both "this person blocked you" and "this person accepts no group adds"
    /// answer, so someone who was blocked cannot tell the block from a privacy choice.
    /// </summary>
    public static readonly Error CannotAddUser =
        Error.Forbidden("cannot_add_user", "This person cannot be added to groups by you.");

    public static readonly Error YouBlockedUser =
        Error.Forbidden("you_blocked_user", "You blocked this person. Unblock them to add them to a group.");

    public static readonly Error ConnectionsOnly =
        Error.Forbidden("group_adds_from_connections_only", "This person can be added to groups only by their connections.");

    public static PolicyDecision Evaluate(RelationshipFacts facts, PrivacySettings targetSettings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(targetSettings);

        // Checked before the target's own settings, so a block always looks like "accepts no adds".
        if (facts.TargetBlockedActor)
        {
            return PolicyDecision.Deny(CannotAddUser);
        }

        if (facts.ActorBlockedTarget)
        {
            return PolicyDecision.Deny(YouBlockedUser);
        }

        return targetSettings.AllowGroupAdds switch
        {
            Audience.Everyone => PolicyDecision.Allow(),
            Audience.Connections when facts.AreConnected => PolicyDecision.Allow(),
            Audience.Connections => PolicyDecision.Deny(ConnectionsOnly),
            _ => PolicyDecision.Deny(CannotAddUser),
        };
    }
}
