using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Policies;
using Astegni.Chat.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Common;

/// <summary>Gathers what the domain policies need to know about two people, asking only what the answer depends on.</summary>
public sealed class PolicyFacts(IChatDbContext db, IConnectionDirectory connections, TimeProvider clock)
{
    public async Task<PrivacySettings> SettingsOfAsync(UserId userId, CancellationToken cancellationToken) =>
        await db.PrivacySettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken)
        ?? PrivacySettings.Defaults(userId, clock.GetUtcNow());

    /// <param name="needConnection">Whether the answer may depend on a connection (an audience of "connections").</param>
    public async Task<RelationshipFacts> BetweenAsync(UserId actor, UserId target, bool needConnection, CancellationToken cancellationToken)
    {
        var blockers = await db.Blocks
            .Where(b => (b.BlockerUserId == actor && b.BlockedUserId == target) || (b.BlockerUserId == target && b.BlockedUserId == actor))
            .Select(b => b.BlockerUserId)
            .ToListAsync(cancellationToken);
        var connected = needConnection && await connections.AreConnectedAsync(actor, target, cancellationToken);
        return new RelationshipFacts(blockers.Contains(actor), blockers.Contains(target), connected);
    }

    /// <summary>Asks <see cref="MessagingPolicy"/> whether <paramref name="sender"/> may message <paramref name="recipient"/>.</summary>
    public async Task<PolicyDecision> MayMessageAsync(UserId sender, UserId recipient, CancellationToken cancellationToken)
    {
        var settings = await SettingsOfAsync(recipient, cancellationToken);
        var facts = await BetweenAsync(sender, recipient, settings.WhoCanMessage == Audience.Connections, cancellationToken);
        return MessagingPolicy.Evaluate(facts, settings);
    }

    /// <summary>Asks <see cref="CallPolicy"/> whether <paramref name="caller"/> may call <paramref name="callee"/>.</summary>
    public async Task<PolicyDecision> MayCallAsync(UserId caller, UserId callee, CancellationToken cancellationToken)
    {
        var settings = await SettingsOfAsync(callee, cancellationToken);
        var facts = await BetweenAsync(caller, callee, settings.AllowCallsFrom == Audience.Connections, cancellationToken);
        return CallPolicy.Evaluate(facts, settings);
    }
}
