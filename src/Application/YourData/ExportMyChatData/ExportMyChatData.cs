using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.Views;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.Messages;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Application.Privacy;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.YourData.ExportMyChatData;

/// <summary>
/// Everything chat holds about me, as one JSON document: my conversations with their members, every
/// message I can see in them (as history shows them), my privacy settings, my last seen and the blocks I made.
/// </summary>
public sealed record ExportMyChatData : IChatQuery<ChatDataExport>;

public sealed record ChatDataExport(
    int UserId,
    DateTimeOffset ExportedAt,
    PrivacySettingsView Settings,
    DateTimeOffset? LastSeenAt,
    IReadOnlyList<ExportedBlock> Blocks,
    IReadOnlyList<ExportedConversation> Conversations);

/// <param name="Messages">Oldest first, exactly the messages my history shows.</param>
public sealed record ExportedConversation(
    ConversationSummary Conversation, IReadOnlyList<int> ParticipantUserIds, IReadOnlyList<MessageView> Messages);

public sealed record ExportedBlock(int UserId, string? Reason, DateTimeOffset BlockedAt);

public sealed class ExportMyChatDataHandler(IChatDbContext db, ICurrentUser currentUser, PolicyFacts policyFacts, TimeProvider clock, SignedMediaUrls links)
    : IQueryHandler<ExportMyChatData, Result<ChatDataExport>>
{
    /// <summary>Messages are read this many at a time: a round trip per batch, never one per message.</summary>
    public const int MessageBatchSize = 500;

    public async ValueTask<Result<ChatDataExport>> Handle(ExportMyChatData query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id;
        var settings = await policyFacts.SettingsOfAsync(me, cancellationToken);
        var lastSeen = await db.Presence.AsNoTracking()
            .Where(p => p.UserId == me)
            .Select(p => (DateTimeOffset?)p.LastSeenAt)
            .FirstOrDefaultAsync(cancellationToken);
        var blocks = await db.Blocks.AsNoTracking()
            .Where(b => b.BlockerUserId == me)
            .OrderBy(b => b.Id)
            .Select(b => new { b.BlockedUserId, b.Reason, b.BlockedAt })
            .ToListAsync(cancellationToken);

        var summaries = await ConversationSummaries.LoadAsync(
            ConversationSummaries.Rows(db, me).OrderByDescending(r => r.Activity).ThenByDescending(r => r.Conversation.Id),
            clock.GetUtcNow(),
            cancellationToken);
        var members = await MembersAsync(me, cancellationToken);
        var messages = await VisibleMessagesAsync(me, cancellationToken);

        var conversations = summaries.ConvertAll(summary => new ExportedConversation(
            summary,
            members[summary.Id].Order().ToList(),
            messages[summary.Id].ToList()));
        return new ChatDataExport(
            me.Value,
            clock.GetUtcNow(),
            PrivacySettingsView.From(settings),
            lastSeen,
            blocks.ConvertAll(b => new ExportedBlock(b.BlockedUserId.Value, b.Reason, b.BlockedAt)),
            conversations);
    }

    private async Task<ILookup<int, int>> MembersAsync(UserId me, CancellationToken cancellationToken)
    {
        var rows = await db.Participants.AsNoTracking()
            .Where(p => p.IsActive && db.Participants.Any(mine => mine.ConversationId == p.ConversationId && mine.UserId == me && mine.IsActive))
            .Select(p => new { p.ConversationId, p.UserId })
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.ConversationId.Value, r => r.UserId.Value);
    }

    /// <summary>What my history shows, in every conversation at once, walked by id in batches.</summary>
    private async Task<ILookup<int, MessageView>> VisibleMessagesAsync(UserId me, CancellationToken cancellationToken)
    {
        var visible = MessageAccess.VisibleTo(db, me);

        var all = new List<MessageView>();
        var after = new MessageId(0);
        while (true)
        {
            var from = after;
            var batch = await MessageViews.LoadAsync(
                db, visible.Where(m => m.Id > from).OrderBy(m => m.Id).Take(MessageBatchSize), me, links, cancellationToken);
            all.AddRange(batch);
            if (batch.Count < MessageBatchSize)
            {
                break;
            }

            after = new MessageId(batch.Max(m => m.Id));
        }

        return all.OrderBy(m => m.Id).ToLookup(m => m.ConversationId);
    }
}
