using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Messages.EditMessage;

/// <summary>Change the text of my own text message within the edit window; the previous text is kept.</summary>
public sealed record EditMessage(int MessageId, string? Content) : IChatCommand<MessageView>;

public sealed class EditMessageHandler(
    IChatDbContext db, ICurrentUser currentUser, PolicyFacts policyFacts, IOptions<ChatOptions> options, TimeProvider clock,
    SignedMediaUrls links)
    : ICommandHandler<EditMessage, Result<MessageView>>
{
    public async ValueTask<Result<MessageView>> Handle(EditMessage command, CancellationToken cancellationToken)
    {
        var editor = currentUser.Id;
        var messageId = new MessageId(command.MessageId);
        var standing = await MessageAccess.StandingAsync(db, editor, messageId, cancellationToken);
        if (standing is null)
        {
            return MessageErrors.NotFound;
        }

        // An edit is something the other person reads: a block or their privacy stops it as it stops sending.
        if (standing.OtherUserId is { } other)
        {
            var decision = await policyFacts.MayMessageAsync(editor, other, cancellationToken);
            if (!decision.IsAllowed)
            {
                return decision.Refusal;
            }
        }

        var body = MessageBody.Text(command.Content);
        if (!body.IsSuccess)
        {
            return body.Error;
        }

        var message = await db.Messages.FirstAsync(m => m.Id == messageId, cancellationToken);
        var edited = message.Edit(editor, body.Value, clock.GetUtcNow(), options.Value.EditWindow);
        if (!edited.IsSuccess)
        {
            return edited.Error;
        }

        // The answer is read from the database, so the change must be there first.
        await db.SaveChangesAsync(cancellationToken);
        var view = await MessageViews.LoadOneAsync(db, messageId, editor, links, cancellationToken);
        return view!;
    }
}
