using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Calls.UpdateCall;

/// <summary>
/// Act on a call I take part in: <c>answer</c> or <c>decline</c> it (a callee), <c>cancel</c> it before
/// anyone answers (the caller), <c>end</c> it once answered (either side). The call's rules are
/// <see cref="CallLog"/>'s; every change is pushed to the participants as <c>call_updated</c>.
/// </summary>
public sealed record UpdateCall(int CallId, string Action) : IChatCommand<CallView>
{
    public const string Answer = "answer";
    public const string Decline = "decline";
    public const string Cancel = "cancel";
    public const string End = "end";

    public static readonly string[] Actions = [Answer, Decline, Cancel, End];
}

public sealed class UpdateCallHandler(IChatDbContext db, ICallLogStore store, ICurrentUser currentUser, TimeProvider clock, CommandOutbox outbox)
    : ICommandHandler<UpdateCall, Result<CallView>>
{
    public async ValueTask<Result<CallView>> Handle(UpdateCall command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Id;

        // Locked until the transaction ends: an answer and the missed-call check (or two answers) never both win.
        var call = await store.LockCallAsync(new CallId(command.CallId), cancellationToken);
        var participants = call is null ? [] : await CallParticipants.Of(db, call).ToListAsync(cancellationToken);
        if (call is null || !participants.Contains(actor))
        {
            return CallErrors.NotFound;
        }

        var conversation = await db.Conversations.Include(c => c.Participants)
            .FirstAsync(c => c.Id == call.ConversationId, cancellationToken);
        var now = clock.GetUtcNow();
        var done = command.Action switch
        {
            UpdateCall.Answer => call.Answer(conversation, actor, now),
            UpdateCall.Decline => call.Decline(conversation, actor, now),
            UpdateCall.Cancel => call.Cancel(conversation, actor, now),
            UpdateCall.End => call.End(conversation, actor, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Action, "The validator admits only known actions."),
        };
        if (!done.IsSuccess)
        {
            return done.Error;
        }

        CallHubEvents.QueueUpdated(outbox, call, participants);
        return CallView.Of(call);
    }
}
