using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Conversations.MuteConversation;

/// <summary>
/// Mute a conversation for me (for good, or until <see cref="Until"/>, which must lie ahead), or unmute
/// it. <see cref="Until"/> means nothing when unmuting. Nobody else's conversation changes.
/// </summary>
public sealed record MuteConversation(int ConversationId, bool Muted, DateTimeOffset? Until = null) : IChatCommand;

public sealed class MuteConversationHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MuteConversation, Result>
{
    public ValueTask<Result> Handle(MuteConversation command, CancellationToken cancellationToken) =>
        new(db.ChangeMembershipAsync(command.ConversationId, currentUser.Id, me =>
        {
            var now = clock.GetUtcNow();
            if (!command.Muted)
            {
                me.Unmute(now);
                return Result.Success();
            }

            return me.Mute(command.Until, now);
        }, cancellationToken));
}
