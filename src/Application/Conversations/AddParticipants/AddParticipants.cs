using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.RateLimits;
using Astegni.Chat.Application.Conversations.Groups;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Conversations.AddParticipants;

/// <summary>
/// As a group admin, add people (or re-add former members). Each person is added or refused on their
/// own: unknown user, the group add policy (blocks, <c>allow_group_adds</c>), already a member, group full.
/// </summary>
[RateLimited(RateLimit.Conversations)]
public sealed record AddParticipants(int ConversationId, IReadOnlyList<int>? ParticipantUserIds) : IChatCommand<ParticipantsAdded>;

public sealed record ParticipantsAdded(IReadOnlyList<int> Added, IReadOnlyList<RefusedParticipant> Refused);

public sealed class AddParticipantsHandler(
    IChatDbContext db, IRowLocks rowLocks, ICurrentUser currentUser, PolicyFacts policyFacts, IOptions<ChatOptions> options, TimeProvider clock)
    : ICommandHandler<AddParticipants, Result<ParticipantsAdded>>
{
    public async ValueTask<Result<ParticipantsAdded>> Handle(AddParticipants command, CancellationToken cancellationToken)
    {
        var admin = currentUser.Id;
        var conversation = await GroupLoading.LoadForMembershipChangeAsync(db, rowLocks, command.ConversationId, cancellationToken);
        if (conversation is null)
        {
            return ConversationErrors.NotFound;
        }

        // Only an admin learns anything about the people named (who exists, whose privacy refuses).
        var mayManage = conversation.CheckAdmin(admin);
        if (!mayManage.IsSuccess)
        {
            return mayManage.Error;
        }

        var requested = GroupCandidates.Requested(command.ParticipantUserIds);
        var newcomers = requested.Where(id => conversation.ActiveParticipant(id) is null).ToList();
        var screening = await GroupCandidates.ScreenAsync(db, policyFacts, admin, newcomers, cancellationToken);

        // Members already in go to the group too: it is the one that says "already_member".
        var addition = conversation.AddMembers(
            admin, requested.Where(id => !screening.Refused.ContainsKey(id)), clock.GetUtcNow(), options.Value.GroupMemberLimit);
        if (!addition.IsSuccess)
        {
            return addition.Error;
        }

        var refused = new Dictionary<UserId, Error>(screening.Refused);
        foreach (var refusal in addition.Value.Refused)
        {
            refused[refusal.UserId] = refusal.Refusal;
        }

        return new ParticipantsAdded(
            addition.Value.Added.Select(id => id.Value).ToList(),
            GroupCandidates.InRequestOrder(requested, refused));
    }
}
