using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Conversations.ArchiveConversation;

/// <summary>
/// Archive or unarchive a conversation for me. An archived conversation leaves my main list, and new
/// messages do not bring it back, until I unarchive it. Nobody else's list changes.
/// </summary>
public sealed record ArchiveConversation(int ConversationId, bool Archived) : IChatCommand;

public sealed class ArchiveConversationHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ArchiveConversation, Result>
{
    public ValueTask<Result> Handle(ArchiveConversation command, CancellationToken cancellationToken) =>
        new(db.ChangeMembershipAsync(
            command.ConversationId, currentUser.Id, me => me.SetArchived(command.Archived, clock.GetUtcNow()), cancellationToken));
}
