using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Calls.StartCall;

/// <summary>
/// Place a voice or video call in a conversation I am a member of; it rings the other members over the
/// hub (<c>call_ringing</c>) once stored. In a direct chat the other person's <c>allow_calls_from</c> and
/// blocks decide (<see cref="Domain.Policies.CallPolicy"/>). In a group, membership is the permission,
/// as for group messages: everyone in it is rung except people in a block relation with me.
/// Only one call at a time rings or goes on in a conversation.
/// </summary>
/// <param name="CallType"><c>voice</c> or <c>video</c>.</param>
public sealed record StartCall(int ConversationId, string CallType) : IChatCommand<CallView>;

public sealed class StartCallHandler(
    IChatDbContext db, IRowLocks rowLocks, ICurrentUser currentUser, PolicyFacts policyFacts, TimeProvider clock, CommandOutbox outbox)
    : ICommandHandler<StartCall, Result<CallView>>
{
    public async ValueTask<Result<CallView>> Handle(StartCall command, CancellationToken cancellationToken)
    {
        var caller = currentUser.Id;
        var conversation = await db.ConversationOfMemberAsync(command.ConversationId, caller, cancellationToken);
        if (conversation is null)
        {
            return ConversationErrors.NotFound;
        }

        // Held until this transaction ends, so call starts in one conversation take turns.
        await rowLocks.LockConversationAsync(conversation.Id, cancellationToken);

        var now = clock.GetUtcNow();
        if (conversation.OtherUserOf(caller) is { } callee)
        {
            var decision = await policyFacts.MayCallAsync(caller, callee, cancellationToken);
            if (!decision.IsAllowed)
            {
                return decision.Refusal;
            }

            // Someone who left the chat (deleted their chat data) is back in it to answer, as a message would bring them.
            conversation.Reopen(callee, now);
        }

        // Checked under the conversation's lock, so two calls placed at once cannot both ring.
        var live = CallParticipants.LiveStatuses;
        if (await db.CallLogs.AnyAsync(c => c.ConversationId == conversation.Id && live.Contains(c.Status), cancellationToken))
        {
            return CallErrors.InProgress;
        }

        var started = CallLog.Start(conversation, caller, WireValue.Parse<CallType>(command.CallType), now);
        if (!started.IsSuccess)
        {
            return started.Error;
        }

        db.CallLogs.Add(started.Value);
        await db.SaveChangesAsync(cancellationToken);
        await CallHubEvents.QueueRingingAsync(db, outbox, started.Value, cancellationToken);
        return CallView.Of(started.Value);
    }
}
