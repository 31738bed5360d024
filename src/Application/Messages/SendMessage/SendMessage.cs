using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.RateLimits;
using Astegni.Chat.Application.Conversations;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Media;
using Astegni.Chat.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Messages.SendMessage;

/// <summary>
/// Write a message into a conversation I am a member of. With a <see cref="ClientMessageId"/>, sending
/// is idempotent: a retry returns the message the first attempt stored.
/// </summary>
/// <param name="ReplyToId">A message of the same conversation that I can see, which this one answers.</param>
/// <param name="MessageType">
/// <c>text</c>; <c>image</c>, <c>gif</c>, <c>file</c>, <c>audio</c>, <c>video</c> with a <paramref name="MediaId"/>
/// (content is then an optional caption); <c>location</c> with content <c>{"lat":..,"lng":..}</c>.
/// </param>
/// <param name="ForwardOfMessageId">
/// A message I can see (in any of my conversations) to copy here; its type, content and media are taken
/// from it, and its original author is shown.
/// </param>
/// <param name="MediaId">A media item I uploaded whose kind fits <paramref name="MessageType"/>.</param>
[RateLimited(RateLimit.Messages)]
public sealed record SendMessage(
    int ConversationId,
    string MessageType,
    string? Content,
    string? ClientMessageId = null,
    int? ReplyToId = null,
    int? ForwardOfMessageId = null,
    int? MediaId = null)
    : IChatCommand<SentMessage>;

/// <param name="Replayed">True when this was a retry and <paramref name="Message"/> is the original.</param>
public sealed record SentMessage(MessageView Message, bool Replayed);

public sealed class SendMessageHandler(
    IChatDbContext db, ICurrentUser currentUser, PolicyFacts policyFacts, TimeProvider clock, CommandOutbox outbox, SignedMediaUrls links)
    : ICommandHandler<SendMessage, Result<SentMessage>>
{
    public static readonly Error ClientIdReused = Error.Conflict(
        "client_message_id_reused", "This client_message_id was already used for a message in another conversation.");

    public async ValueTask<Result<SentMessage>> Handle(SendMessage command, CancellationToken cancellationToken)
    {
        var sender = currentUser.Id;

        if (command.ClientMessageId is { } clientId && await ReplayAsync(sender, command.ConversationId, clientId, cancellationToken) is { } replay)
        {
            return replay;
        }

        var conversation = await db.ConversationOfMemberAsync(command.ConversationId, sender, cancellationToken);
        if (conversation is null)
        {
            return ConversationErrors.NotFound;
        }

        if (conversation.OtherUserOf(sender) is { } recipient)
        {
            var decision = await policyFacts.MayMessageAsync(sender, recipient, cancellationToken);
            if (!decision.IsAllowed)
            {
                return decision.Refusal;
            }
        }

        var content = await BodyAndOriginAsync(sender, conversation.Id, command, cancellationToken);
        if (!content.IsSuccess)
        {
            return content.Error;
        }

        var (body, origin) = content.Value;
        var posted = conversation.Post(sender, body, command.ClientMessageId, clock.GetUtcNow(), origin);
        if (!posted.IsSuccess)
        {
            return posted.Error;
        }

        db.Messages.Add(posted.Value);
        LegacyMediaColumn.Fill(db.Messages, posted.Value, links);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException) when (command.ClientMessageId is not null)
        {
            // A concurrent retry stored it first: answer with that one.
            db.DiscardPendingChanges();
            return await ReplayAsync(sender, command.ConversationId, command.ClientMessageId, cancellationToken)
                   ?? throw new InvalidOperationException("The client id index refused a row that cannot be found.");
        }

        var view = (await MessageViews.LoadOneAsync(db, posted.Value.Id, sender, links, cancellationToken))!;
        MessageHubEvents.QueueCreated(outbox, view, conversation.ActiveMemberIds);
        return new SentMessage(view, Replayed: false);
    }

    /// <summary>What the new message says and where it comes from: a new body (maybe a reply), or a forwarded copy.</summary>
    private async Task<Result<(MessageBody Body, MessageOrigin Origin)>> BodyAndOriginAsync(
        UserId sender, ConversationId conversationId, SendMessage command, CancellationToken cancellationToken)
    {
        if (command.ForwardOfMessageId is { } forwardOf)
        {
            var sourceId = new MessageId(forwardOf);
            var source = await MessageAccess.VisibleTo(db, sender).AsNoTracking().FirstOrDefaultAsync(m => m.Id == sourceId, cancellationToken);
            if (source is null)
            {
                return MessageErrors.NotFound;
            }

            var authorDisablesForwarding = source.OriginalAuthorId != sender
                && (await policyFacts.SettingsOfAsync(source.OriginalAuthorId, cancellationToken)).DisableForwarding;
            return source.ForwardBy(sender, authorDisablesForwarding).Map(copy => (copy.Body, copy.Origin));
        }

        var body = await BodyAsync(sender, command, cancellationToken);
        if (!body.IsSuccess)
        {
            return body.Error;
        }

        if (command.ReplyToId is not { } replyTo)
        {
            return (body.Value, MessageOrigin.None);
        }

        // Only a message of this conversation that I can see; any other id is simply not found here.
        var replyToId = new MessageId(replyTo);
        var canSee = await MessageAccess.VisibleTo(db, sender)
            .AnyAsync(m => m.Id == replyToId && m.ConversationId == conversationId, cancellationToken);
        return canSee ? (body.Value, MessageOrigin.ReplyTo(replyToId)) : MessageErrors.NotFound;
    }

    /// <summary>Text, a location, or a media item of mine that fits the type, with its caption.</summary>
    private async Task<Result<MessageBody>> BodyAsync(UserId sender, SendMessage command, CancellationToken cancellationToken)
    {
        var type = WireValue.Parse<MessageType>(command.MessageType);
        if (type == MessageType.Text)
        {
            return MessageBody.Text(command.Content);
        }

        if (type == MessageType.Location)
        {
            return LocationContent.TryParse(command.Content, out var latitude, out var longitude)
                ? MessageBody.Location(latitude, longitude)
                : MessageBody.InvalidLocation;
        }

        var mediaId = new MediaId(command.MediaId ?? 0);
        var media = await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId, cancellationToken);
        return media is null ? MediaErrors.NotFound : MessageBody.WithMedia(type, media, sender, command.Content);
    }

    private async Task<Result<SentMessage>?> ReplayAsync(
        UserId sender, int requestedConversationId, string clientId, CancellationToken cancellationToken)
    {
        var original = await db.Messages
            .Where(m => m.SenderUserId == sender && m.ClientMessageId == clientId)
            .Select(m => new { m.Id, m.ConversationId })
            .FirstOrDefaultAsync(cancellationToken);
        if (original is null)
        {
            return null;
        }

        // The retry may name the conversation by an id the legacy upgrade merged into the original's.
        if (original.ConversationId.Value != requestedConversationId
            && !await db.Conversations.InConversation(db, requestedConversationId, c => c.Id).AnyAsync(c => c.Id == original.ConversationId, cancellationToken))
        {
            return ClientIdReused;
        }

        var view = await MessageViews.LoadOneAsync(db, original.Id, sender, links, cancellationToken);
        return new SentMessage(view!, Replayed: true);
    }
}
