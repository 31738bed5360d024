using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Conversations.DeleteConversation;

/// <summary>
/// Delete a conversation for me: its history is cleared for me and it leaves my list until a newer
/// message arrives. I stay a member (a group is left separately); others see no change.
/// </summary>
public sealed record DeleteConversation(int ConversationId) : IChatCommand;

public sealed class DeleteConversationHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DeleteConversation, Result>
{
    public ValueTask<Result> Handle(DeleteConversation command, CancellationToken cancellationToken) =>
        new(db.ChangeMembershipAsync(
            command.ConversationId, currentUser.Id, me => me.Hide(clock.GetUtcNow()), cancellationToken));
}
