using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.RateLimits;
using Astegni.Chat.Application.Conversations.Views;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Conversations.OpenDirectConversation;

/// <summary>
/// "Open chat with user X": the one direct conversation between the caller and X, created on first
/// use (when the messaging policy allows). Opening a chat with yourself gives your notes.
/// </summary>
[RateLimited(RateLimit.Conversations)]
public sealed record OpenDirectConversation(int UserId) : IChatCommand<OpenedConversation>;

public sealed record OpenedConversation(ConversationSummary Conversation, bool Created);

public sealed class OpenDirectConversationHandler(
    IChatDbContext db, ICurrentUser currentUser, IUserDirectory users, PolicyFacts policyFacts, TimeProvider clock)
    : ICommandHandler<OpenDirectConversation, Result<OpenedConversation>>
{
    public async ValueTask<Result<OpenedConversation>> Handle(OpenDirectConversation command, CancellationToken cancellationToken)
    {
        var caller = currentUser.Id;
        var other = new UserId(command.UserId);
        if (other != caller && !await users.IsActiveUserAsync(other, cancellationToken))
        {
            return UserErrors.NotFound;
        }

        if (await FindAsync(caller, other, cancellationToken) is { } existing)
        {
            await ReopenAsync(existing, caller, cancellationToken);
            return await OpenedAsync(caller, existing, created: false, cancellationToken);
        }

        if (other != caller)
        {
            var decision = await policyFacts.MayMessageAsync(caller, other, cancellationToken);
            if (!decision.IsAllowed)
            {
                return decision.Refusal;
            }
        }

        var conversation = Conversation.OpenDirect(caller, other, clock.GetUtcNow());
        db.Conversations.Add(conversation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // Another request opened the same pair first: theirs is the one conversation.
            db.DiscardPendingChanges();
            var winner = await FindAsync(caller, other, cancellationToken)
                         ?? throw new InvalidOperationException("The direct pair index refused a row that cannot be found.");
            return await OpenedAsync(caller, winner, created: false, cancellationToken);
        }

        return await OpenedAsync(caller, conversation.Id, created: true, cancellationToken);
    }

    /// <summary>Someone who left the chat (deleted their chat data) and opens it again is back in it.</summary>
    private async Task ReopenAsync(ConversationId id, UserId caller, CancellationToken cancellationToken)
    {
        if (await db.Participants.AnyAsync(p => p.ConversationId == id && p.UserId == caller && !p.IsActive, cancellationToken))
        {
            var conversation = await db.Conversations.Include(c => c.Participants).SingleAsync(c => c.Id == id, cancellationToken);
            conversation.Reopen(caller, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private Task<ConversationId?> FindAsync(UserId caller, UserId other, CancellationToken cancellationToken)
    {
        var (low, high) = caller.Value <= other.Value ? (caller, other) : (other, caller);
        return db.Conversations
            .Where(c => c.DirectUserLowId == low && c.DirectUserHighId == high)
            .Select(c => (ConversationId?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<Result<OpenedConversation>> OpenedAsync(
        UserId caller, ConversationId? id, bool created, CancellationToken cancellationToken)
    {
        var summary = await ConversationSummaries.LoadOneAsync(db, caller, id!.Value, clock.GetUtcNow(), cancellationToken);
        return summary is null ? ConversationErrors.NotFound : new OpenedConversation(summary, created);
    }
}
