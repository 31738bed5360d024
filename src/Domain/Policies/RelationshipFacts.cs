namespace Astegni.Chat.Domain.Policies;

/// <summary>
/// What a policy needs to know about two people: an actor (who sends, calls, adds, looks) and a
/// target (whose settings decide). Gathered by the application, judged by the policies.
/// </summary>
public sealed record RelationshipFacts(bool ActorBlockedTarget, bool TargetBlockedActor, bool AreConnected)
{
    public bool EitherBlocked => ActorBlockedTarget || TargetBlockedActor;
}
