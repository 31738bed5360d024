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

    /// <summary>
    /// Asks <see cref="GroupAddPolicy"/> whether <paramref name="actor"/> may add each of <paramref name="targets"/>
    /// to a group. Three queries whatever the number of targets (settings, blocks, connections).
    /// </summary>
    public async Task<IReadOnlyDictionary<UserId, PolicyDecision>> MayAddToGroupAsync(
        UserId actor, IReadOnlyCollection<UserId> targets, CancellationToken cancellationToken)
    {
        var ids = targets.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<UserId, PolicyDecision>();
        }

        var stored = await db.PrivacySettings.AsNoTracking()
            .Where(s => ids.Contains(s.UserId))
            .ToDictionaryAsync(s => s.UserId, cancellationToken);
        var blocks = await db.Blocks
            .Where(b => (b.BlockerUserId == actor && ids.Contains(b.BlockedUserId)) || (b.BlockedUserId == actor && ids.Contains(b.BlockerUserId)))
            .Select(b => new { b.BlockerUserId, b.BlockedUserId })
            .ToListAsync(cancellationToken);

        // Connections matter only to those who accept group adds from connections alone.
        var askConnection = ids.Where(id => stored.TryGetValue(id, out var s) && s.AllowGroupAdds == Audience.Connections).ToList();
        var connected = askConnection.Count == 0
            ? []
            : await db.Connections
                .Where(c => c.Status == ConnectionRecord.Accepted
                            && ((c.RequestedBy == actor && askConnection.Contains(c.RecipientId))
                                || (c.RecipientId == actor && askConnection.Contains(c.RequestedBy))))
                .Select(c => c.RequestedBy == actor ? c.RecipientId : c.RequestedBy)
                .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        return ids.ToDictionary(id => id, id =>
        {
            var facts = new RelationshipFacts(
                ActorBlockedTarget: blocks.Exists(b => b.BlockerUserId == actor && b.BlockedUserId == id),
                TargetBlockedActor: blocks.Exists(b => b.BlockerUserId == id && b.BlockedUserId == actor),
                AreConnected: connected.Contains(id));
            return GroupAddPolicy.Evaluate(facts, stored.GetValueOrDefault(id) ?? PrivacySettings.Defaults(id, now));
        });
    }

    /// <summary>
    /// The other active members of the conversation who may see <paramref name="reader"/>'s read position
    /// (<see cref="ReadReceiptPolicy"/>, each member the viewer).
    /// </summary>
    public Task<List<UserId>> WhoSeesReadPositionOfAsync(ConversationId conversationId, UserId reader, CancellationToken cancellationToken) =>
        ReadReceiptsSharedAsync(conversationId, reader, meIsReader: true, cancellationToken);

    /// <summary>
    /// The other active members of the conversation whose read positions <paramref name="viewer"/> may see
    /// (<see cref="ReadReceiptPolicy"/>, each member the reader).
    /// </summary>
    public Task<List<UserId>> WhoseReadPositionsAreSeenByAsync(ConversationId conversationId, UserId viewer, CancellationToken cancellationToken) =>
        ReadReceiptsSharedAsync(conversationId, viewer, meIsReader: false, cancellationToken);

    private async Task<List<UserId>> ReadReceiptsSharedAsync(
        ConversationId conversationId, UserId me, bool meIsReader, CancellationToken cancellationToken)
    {
        // Every member's settings and blocks with me in one statement, however large the group.
        var members = await (
            from p in db.Participants.AsNoTracking()
            where p.ConversationId == conversationId && p.IsActive && p.UserId != me
            select new
            {
                p.UserId,
                Settings = db.PrivacySettings.AsNoTracking().FirstOrDefault(s => s.UserId == p.UserId),
                IBlockedThem = db.Blocks.Any(b => b.BlockerUserId == me && b.BlockedUserId == p.UserId),
                TheyBlockedMe = db.Blocks.Any(b => b.BlockerUserId == p.UserId && b.BlockedUserId == me),
            }).ToListAsync(cancellationToken);
        if (members.Count == 0)
        {
            return [];
        }

        var mine = await SettingsOfAsync(me, cancellationToken);
        var now = clock.GetUtcNow();
        return members
            .Where(m =>
            {
                var theirs = m.Settings ?? PrivacySettings.Defaults(m.UserId, now);
                var decision = meIsReader
                    ? ReadReceiptPolicy.Evaluate(new RelationshipFacts(m.TheyBlockedMe, m.IBlockedThem, AreConnected: false), mine, theirs)
                    : ReadReceiptPolicy.Evaluate(new RelationshipFacts(m.IBlockedThem, m.TheyBlockedMe, AreConnected: false), theirs, mine);
                return decision.IsAllowed;
            })
            .Select(m => m.UserId)
            .ToList();
    }

    /// <summary>Asks <see cref="CallPolicy"/> whether <paramref name="caller"/> may call <paramref name="callee"/>.</summary>
    public async Task<PolicyDecision> MayCallAsync(UserId caller, UserId callee, CancellationToken cancellationToken)
    {
        var settings = await SettingsOfAsync(callee, cancellationToken);
        var facts = await BetweenAsync(caller, callee, settings.AllowCallsFrom == Audience.Connections, cancellationToken);
        return CallPolicy.Evaluate(facts, settings);
    }
}
