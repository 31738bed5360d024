using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.RateLimits;
using Astegni.Chat.Application.Conversations.Groups;
using Astegni.Chat.Application.Conversations.Views;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Conversations.CreateGroup;

/// <summary>
/// Create a group with me as its admin and the people I name as members. Everyone the group add policy
/// lets me add joins; the others are reported one by one (their privacy is theirs to set, and one of
/// them must not stop the group from existing), as a serious chat does: "couldn't add Almaz".
/// </summary>
/// <param name="AvatarMediaId">Refused until media uploads exist (<c>media_not_supported_yet</c>).</param>
[RateLimited(RateLimit.Conversations)]
public sealed record CreateGroup(
    string? Name, IReadOnlyList<int>? ParticipantUserIds = null, string? Description = null, int? AvatarMediaId = null)
    : IChatCommand<CreatedGroup>;

/// <param name="Added">Who joined besides me.</param>
/// <param name="Refused">Who could not be added, and why.</param>
public sealed record CreatedGroup(ConversationSummary Conversation, IReadOnlyList<int> Added, IReadOnlyList<RefusedParticipant> Refused);

public sealed class CreateGroupHandler(
    IChatDbContext db, ICurrentUser currentUser, PolicyFacts policyFacts, IOptions<ChatOptions> options, TimeProvider clock, CommandOutbox outbox)
    : ICommandHandler<CreateGroup, Result<CreatedGroup>>
{
    public async ValueTask<Result<CreatedGroup>> Handle(CreateGroup command, CancellationToken cancellationToken)
    {
        var creator = currentUser.Id;
        var requested = GroupCandidates.Requested(command.ParticipantUserIds);
        requested.Remove(creator); // the creator is always in, as admin

        var screening = await GroupCandidates.ScreenAsync(db, policyFacts, creator, requested, cancellationToken);
        var created = Conversation.CreateGroup(
            creator, command.Name, command.Description, avatarUrl: null, screening.Allowed, clock.GetUtcNow(), options.Value.GroupMemberLimit);
        if (!created.IsSuccess)
        {
            return created.Error;
        }

        db.Conversations.Add(created.Value);
        await db.SaveChangesAsync(cancellationToken); // the summary needs the new id
        var summary = await ConversationSummaries.LoadOneAsync(db, creator, created.Value.Id, clock.GetUtcNow(), cancellationToken)
                      ?? throw new InvalidOperationException("A group just created is not in its creator's list.");

        // It appears at once for everyone in it, the creator's other devices included.
        outbox.Push([.. created.Value.ActiveMemberIds], ConversationUpdatedEvent.EventName, new ConversationUpdatedEvent(created.Value.Id.Value));
        return new CreatedGroup(
            summary,
            screening.Allowed.Select(id => id.Value).ToList(),
            GroupCandidates.InRequestOrder(requested, screening.Refused));
    }
}
