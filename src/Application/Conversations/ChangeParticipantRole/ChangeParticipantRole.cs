using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.Groups;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;

namespace Astegni.Chat.Application.Conversations.ChangeParticipantRole;

/// <summary>A group admin promotes a member to admin ("admin") or demotes an admin ("member").</summary>
public sealed record ChangeParticipantRole(int ConversationId, int UserId, string? Role) : IChatCommand;

public sealed class ChangeParticipantRoleHandler(IChatDbContext db, IRowLocks rowLocks, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ChangeParticipantRole, Result>
{
    public async ValueTask<Result> Handle(ChangeParticipantRole command, CancellationToken cancellationToken)
    {
        // Locked like a membership change: two admins demoting each other at once must not leave none.
        var conversation = await GroupLoading.LoadForMembershipChangeAsync(db, rowLocks, command.ConversationId, cancellationToken);
        if (conversation is null)
        {
            return ConversationErrors.NotFound;
        }

        var role = WireValue.Parse<ParticipantRole>(command.Role!);
        return conversation.ChangeRole(currentUser.Id, new UserId(command.UserId), role, clock.GetUtcNow());
    }
}
