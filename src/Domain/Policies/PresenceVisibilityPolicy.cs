using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Privacy;

namespace Astegni.Chat.Domain.Policies;

/// <summary>
/// What may the viewer see of the target's presence: whether they are online now, and when they were
/// last seen? The two are decided separately (<c>online_status</c>, <c>last_seen_visibility</c>); a block
/// in either direction hides both; everybody sees their own.
/// </summary>
public static class PresenceVisibilityPolicy
{
    /// <param name="viewer">Who looks.</param>
    /// <param name="facts">The viewer is the actor, the person looked at the target.</param>
    /// <param name="targetSettings">The privacy settings of the person looked at (their <c>UserId</c> is the target).</param>
    public static PresenceVisibility Evaluate(UserId viewer, RelationshipFacts facts, PrivacySettings targetSettings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(targetSettings);

        if (viewer == targetSettings.UserId)
        {
            return PresenceVisibility.Everything;
        }

        if (facts.EitherBlocked)
        {
            return PresenceVisibility.Nothing;
        }

        var lastSeen = targetSettings.LastSeenVisibility switch
        {
            Visibility.Everyone => true,
            Visibility.Connections => facts.AreConnected,
            _ => false,
        };
        return new PresenceVisibility(targetSettings.OnlineStatus, lastSeen);
    }
}

/// <summary>The parts of someone's presence one viewer may see. Hidden parts are left out, not shown as "offline".</summary>
public readonly record struct PresenceVisibility(bool OnlineStatus, bool LastSeen)
{
    public static PresenceVisibility Nothing => new(false, false);
    public static PresenceVisibility Everything => new(true, true);

    public bool Any => OnlineStatus || LastSeen;
}
