using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Messages.SendSystemMessage;

/// <summary>
/// In-process only (no REST route): another Astegni module, acting as the current user, posts a notice
/// such as a session request into a conversation that user is a member of. Members get it like any message.
/// </summary>
public sealed record SendSystemMessage(int ConversationId, string Content) : IChatCommand<MessageView>;

public sealed class SendSystemMessageHandler(IChatDbContext db, ICurrentUser currentUser, PolicyFacts policyFacts, TimeProvider clock, CommandOutbox outbox, SignedMediaUrls links)
    : ICommandHandler<SendSystemMessage, Result<MessageView>>
{
    public async ValueTask<Result<MessageView>> Handle(SendSystemMessage command, CancellationToken cancellationToken)
    {
        var sender = currentUser.Id;
        var conversation = await db.ConversationOfMemberAsync(command.ConversationId, sender, cancellationToken);
        if (conversation is null)
        {
            return ConversationErrors.NotFound;
        }

        // Written on the user's behalf, so it reaches the other person only when the user could write to them.
        if (conversation.OtherUserOf(sender) is { } recipient)
        {
            var decision = await policyFacts.MayMessageAsync(sender, recipient, cancellationToken);
            if (!decision.IsAllowed)
            {
                return decision.Refusal;
            }
        }

        var body = MessageBody.System(command.Content);
        if (!body.IsSuccess)
        {
            return body.Error;
        }

        var posted = conversation.Post(sender, body.Value, clientMessageId: null, clock.GetUtcNow());
        if (!posted.IsSuccess)
        {
            return posted.Error;
        }

        db.Messages.Add(posted.Value);
        await db.SaveChangesAsync(cancellationToken);
        var view = (await MessageViews.LoadOneAsync(db, posted.Value.Id, sender, links, cancellationToken))!;
        MessageHubEvents.QueueCreated(outbox, view, conversation.ActiveMemberIds);
        return view;
    }
}
