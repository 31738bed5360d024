using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Conversations.PinConversation;

/// <summary>Pin or unpin a conversation for me: pinned conversations head my list. Nobody else's list changes.</summary>
public sealed record PinConversation(int ConversationId, bool Pinned) : IChatCommand;

public sealed class PinConversationHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<PinConversation, Result>
{
    public ValueTask<Result> Handle(PinConversation command, CancellationToken cancellationToken) =>
        new(db.ChangeMembershipAsync(
            command.ConversationId, currentUser.Id, me => me.SetPinned(command.Pinned, clock.GetUtcNow()), cancellationToken));
}
