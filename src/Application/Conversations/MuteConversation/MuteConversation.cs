using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.MuteConversation;

/// <summary>
/// Mute a conversation for me (for good, or until <see cref="Until"/>, which must lie ahead), or unmute
/// it. <see cref="Until"/> means nothing when unmuting. Nobody else's conversation changes.
/// </summary>
public sealed record MuteConversation(int ConversationId, bool Muted, DateTimeOffset? Until = null) : IChatCommand;

public sealed class MuteConversationHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MuteConversation, Result>
{
    public async ValueTask<Result> Handle(MuteConversation command, CancellationToken cancellationToken)
    {
        var conversationId = new ConversationId(command.ConversationId);
        var me = await db.Participants.FirstOrDefaultAsync(
            p => p.ConversationId == conversationId && p.UserId == currentUser.Id && p.IsActive, cancellationToken);
        if (me is null)
        {
            return ConversationErrors.NotFound;
        }

        var now = clock.GetUtcNow();
        if (!command.Muted)
        {
            me.Unmute(now);
            return Result.Success();
        }

        return me.Mute(command.Until, now);
    }
}
