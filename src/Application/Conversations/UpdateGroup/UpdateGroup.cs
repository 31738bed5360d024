using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.Views;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.UpdateGroup;

/// <summary>
/// A group admin renames the group or changes its description (an empty description removes it).
/// Fields left out stay as they are. An avatar will come from an uploaded media item; until uploads
/// exist <see cref="AvatarMediaId"/> is refused.
/// </summary>
public sealed record UpdateGroup(int ConversationId, string? Name = null, string? Description = null, int? AvatarMediaId = null)
    : IChatCommand<ConversationSummary>;

public sealed class UpdateGroupHandler(IChatDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdateGroup, Result<ConversationSummary>>
{
    public async ValueTask<Result<ConversationSummary>> Handle(UpdateGroup command, CancellationToken cancellationToken)
    {
        var admin = currentUser.Id;
        var conversation = await db.Conversations
            .Include(c => c.Participants)
            .InConversation(db, command.ConversationId, c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (conversation is null)
        {
            return ConversationErrors.NotFound;
        }

        // Checked even when nothing is to change: a member who is not admin hears "not admin", not "done".
        var mayManage = conversation.CheckAdmin(admin);
        if (!mayManage.IsSuccess)
        {
            return mayManage.Error;
        }

        var now = clock.GetUtcNow();
        if (command.Name is not null)
        {
            var renamed = conversation.Rename(admin, command.Name, now);
            if (!renamed.IsSuccess)
            {
                return renamed.Error;
            }
        }

        if (command.Description is not null)
        {
            var described = conversation.ChangeDescription(admin, command.Description, now);
            if (!described.IsSuccess)
            {
                return described.Error;
            }
        }

        await db.SaveChangesAsync(cancellationToken); // the summary below is read from the database
        return await ConversationSummaries.LoadOneAsync(db, admin, conversation.Id, clock.GetUtcNow(), cancellationToken)
               ?? throw new InvalidOperationException("An admin's group is not in their list.");
    }
}
