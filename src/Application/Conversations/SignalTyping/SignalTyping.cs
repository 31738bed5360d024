using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.RateLimits;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Privacy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.SignalTyping;

/// <summary>
/// "I am typing in this conversation" (or "I stopped"). Relayed live to the conversation's other active
/// members, unless my <c>typing_indicators</c> setting is off, and never to anyone in a block relation
/// with me. An indicator clears by itself after <see cref="Common.ChatOptions.TypingTimeout"/>.
/// </summary>
/// <remarks>
/// A command, not a query: it changes what others see. It stores nothing, so no transaction is opened for it.
/// </remarks>
[RateLimited(RateLimit.HubFrames)]
public sealed record SignalTyping(int ConversationId, bool IsTyping) : IChatCommand, IStoresNothing;

public sealed class SignalTypingHandler(IChatDbContext db, ICurrentUser currentUser, TypingTracker typing, TimeProvider clock)
    : ICommandHandler<SignalTyping, Result>
{
    public async ValueTask<Result> Handle(SignalTyping command, CancellationToken cancellationToken)
    {
        var typer = currentUser.Id;

        // One round trip: my membership, my setting and the members allowed to see me type.
        var audience = await db.MembershipOf(command.ConversationId, typer)
            .Select(me => new
            {
                me.ConversationId,
                TypingIndicators = db.PrivacySettings.Where(s => s.UserId == typer).Select(s => (bool?)s.TypingIndicators).FirstOrDefault(),
                Recipients = db.Participants
                    .Where(p => p.ConversationId == me.ConversationId && p.IsActive && p.UserId != typer
                                && !db.Blocks.Any(b => (b.BlockerUserId == typer && b.BlockedUserId == p.UserId)
                                                       || (b.BlockerUserId == p.UserId && b.BlockedUserId == typer)))
                    .Select(p => p.UserId)
                    .ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (audience is null)
        {
            // Not a member, or no such conversation: the same answer, so neither is revealed.
            return ConversationErrors.NotFound;
        }

        var key = new TypingKey(audience.ConversationId, typer);
        if (!command.IsTyping)
        {
            // Ends an indicator already shown, even when the setting was switched off meanwhile.
            await typing.HideAsync(key, audience.Recipients, cancellationToken);
            return Result.Success();
        }

        var indicatorsOn = audience.TypingIndicators ?? PrivacySettings.Defaults(typer, clock.GetUtcNow()).TypingIndicators;
        if (indicatorsOn && audience.Recipients.Count > 0)
        {
            await typing.ShowAsync(key, audience.Recipients, cancellationToken);
        }

        return Result.Success();
    }
}
