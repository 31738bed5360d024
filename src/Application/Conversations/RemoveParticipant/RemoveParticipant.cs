using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.Groups;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;

namespace Astegni.Chat.Application.Conversations.RemoveParticipant;

/// <summary>
/// A group admin removes a member; naming myself means I leave (anyone may). When the last admin leaves,
/// the longest-standing member becomes admin.
/// </summary>
public sealed record RemoveParticipant(int ConversationId, int UserId) : IChatCommand;

public sealed class RemoveParticipantHandler(IChatDbContext db, IRowLocks rowLocks, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveParticipant, Result>
{
    public async ValueTask<Result> Handle(RemoveParticipant command, CancellationToken cancellationToken)
    {
        var conversation = await GroupLoading.LoadForMembershipChangeAsync(db, rowLocks, command.ConversationId, cancellationToken);
        if (conversation is null)
        {
            return ConversationErrors.NotFound;
        }

        return conversation.RemoveMember(currentUser.Id, new UserId(command.UserId), clock.GetUtcNow());
    }
}
