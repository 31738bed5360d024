using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.Groups;

/// <summary>Someone who was not added to a group, and the code that says why (API: <c>{user_id, code}</c>).</summary>
public sealed record RefusedParticipant(int UserId, string Code);

/// <summary>
/// Sorts the people someone wants in a group into those who may be added and those who may not: unknown
/// or deactivated users, and whoever <see cref="GroupAddPolicy"/> refuses. Four queries for any number of people.
/// </summary>
internal static class GroupCandidates
{
    public static async Task<Screening> ScreenAsync(
        IChatDbContext db, PolicyFacts policyFacts, UserId actor, IReadOnlyList<UserId> candidates, CancellationToken cancellationToken)
    {
        var refused = new Dictionary<UserId, Error>();
        if (candidates.Count == 0)
        {
            return new Screening([], refused);
        }

        var known = await db.Users
            .Where(u => candidates.Contains(u.Id) && u.IsActive)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        foreach (var unknown in candidates.Except(known))
        {
            refused[unknown] = UserErrors.NotFound;
        }

        var decisions = await policyFacts.MayAddToGroupAsync(actor, known, cancellationToken);
        foreach (var (userId, decision) in decisions)
        {
            if (!decision.IsAllowed)
            {
                refused[userId] = decision.Refusal;
            }
        }

        return new Screening(candidates.Where(c => !refused.ContainsKey(c)).ToList(), refused);
    }

    /// <summary>The ids a request named, once each and in its order.</summary>
    public static List<UserId> Requested(IEnumerable<int>? userIds) =>
        (userIds ?? []).Select(id => new UserId(id)).Distinct().ToList();

    /// <summary>Refusals in the order the request named the people.</summary>
    public static List<RefusedParticipant> InRequestOrder(IEnumerable<UserId> requested, IReadOnlyDictionary<UserId, Error> refused) =>
        requested
            .Where(refused.ContainsKey)
            .Select(id => new RefusedParticipant(id.Value, refused[id].Code))
            .ToList();

    public sealed record Screening(IReadOnlyList<UserId> Allowed, Dictionary<UserId, Error> Refused);
}
