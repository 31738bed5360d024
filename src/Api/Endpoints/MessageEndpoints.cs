using System.Globalization;
using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Conversations.MarkConversationRead;
using Astegni.Chat.Application.Messages.DeleteMessage;
using Astegni.Chat.Application.Messages.EditMessage;
using Astegni.Chat.Application.Messages.GetHistory;
using Astegni.Chat.Application.Messages.PinMessage;
using Astegni.Chat.Application.Messages.ReactToMessage;
using Astegni.Chat.Application.Messages.RemoveReaction;
using Astegni.Chat.Application.Messages.SearchMessages;
using Astegni.Chat.Application.Messages.SendMessage;
using Astegni.Chat.Application.Messages.UnpinMessage;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Astegni.Chat.Api.Endpoints;

public static class MessageEndpoints
{
    public static readonly Error MalformedAfter = Error.Validation(
        "invalid_cursor", "after must be a message id or an ISO 8601 timestamp, e.g. after=2026-12-03T10:15:00.000Z.");

    public static RouteGroupBuilder MapMessageEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/messages").WithTags("Messages");
        group.MapGet("/{conversationId:int}", GetHistory).Produces<HistoryPage>();

        // "search" is no int, so GET /messages/{conversationId:int} never captures it.
        group.MapGet("/search", SearchMessages).Produces<MessageSearchPage>();
        group.MapPost("/", SendMessage)
            .Produces<MessageEnvelope>(StatusCodes.Status201Created)
            .Produces<MessageEnvelope>();
        group.MapPut("/{id:int}", EditMessage).Produces<MessageEnvelope>();
        group.MapDelete("/{id:int}", DeleteMessage).Produces(StatusCodes.Status204NoContent);
        group.MapPost("/{id:int}/reactions", ReactToMessage).Produces(StatusCodes.Status204NoContent);
        group.MapDelete("/{id:int}/reactions", RemoveReaction).Produces(StatusCodes.Status204NoContent);
        group.MapPost("/{id:int}/pin", PinMessage).Produces(StatusCodes.Status204NoContent);
        group.MapDelete("/{id:int}/pin", UnpinMessage).Produces(StatusCodes.Status204NoContent);
        return api;
    }

    /// <param name="after">A message id (the messages after it), or an ISO 8601 timestamp (the messages created after it).</param>
    public static async Task<IResult> GetHistory(
        ISender sender, HttpRequest request, int conversationId, int? before, string? after, int? limit, CancellationToken cancellationToken)
    {
        if (!TryParseAfter(after, out var afterId, out var since))
        {
            return ResultHttp.Problem(MalformedAfter);
        }

        var page = await sender.Send(new GetHistory(conversationId, before, afterId, limit, since), cancellationToken);
        if (page.IsSuccess && before is null && after is null && page.Value.Messages is [var newest, ..]
            && LegacyUserIdFilter.IsOldClient(request))
        {
            // The old backend marked a conversation read when its newest page was fetched, and Astegni's modal
            // never calls the read route: without this its unread badges would never clear.
            await sender.Send(new MarkConversationRead(newest.ConversationId, newest.Id), cancellationToken);
        }

        return page.ToOk();
    }

    private static bool TryParseAfter(string? text, out int? afterId, out DateTimeOffset? since)
    {
        (afterId, since) = (null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            afterId = id;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            && text.Contains('T', StringComparison.Ordinal))
        {
            since = moment.ToUniversalTime();
            return true;
        }

        return false;
    }

    public static async Task<IResult> SendMessage(ISender sender, SendMessageRequest request, CancellationToken cancellationToken)
    {
        var sent = await sender.Send(
            new SendMessage(
                request.ConversationId,
                request.MessageType ?? "text",
                request.Content,
                request.ClientMessageId,
                request.ReplyToId,
                request.ForwardOfMessageId,
                request.MediaId),
            cancellationToken);
        return sent.ToHttp(s => s.Replayed
            ? TypedResults.Ok(new MessageEnvelope(s.Message))
            : TypedResults.Created($"/api/chat/messages/{s.Message.ConversationId}", new MessageEnvelope(s.Message)));
    }

    public static async Task<IResult> EditMessage(ISender sender, int id, EditMessageRequest request, CancellationToken cancellationToken) =>
        (await sender.Send(new EditMessage(id, request.Content), cancellationToken)).ToHttp(view => TypedResults.Ok(new MessageEnvelope(view)));

    /// <param name="scope">The <c>for</c> query parameter: <c>me</c> (default) or <c>everyone</c>.</param>
    public static async Task<IResult> DeleteMessage(
        ISender sender, int id, [FromQuery(Name = "for")] string? scope, CancellationToken cancellationToken) =>
        (await sender.Send(new DeleteMessage(id, scope), cancellationToken)).ToHttp();

    public static async Task<IResult> ReactToMessage(ISender sender, int id, ReactionRequest request, CancellationToken cancellationToken) =>
        (await sender.Send(new ReactToMessage(id, request.Reaction), cancellationToken)).ToHttp();

    public static async Task<IResult> RemoveReaction(ISender sender, int id, CancellationToken cancellationToken) =>
        (await sender.Send(new RemoveReaction(id), cancellationToken)).ToHttp();

    public static async Task<IResult> PinMessage(ISender sender, int id, CancellationToken cancellationToken) =>
        (await sender.Send(new PinMessage(id), cancellationToken)).ToHttp();

    public static async Task<IResult> UnpinMessage(ISender sender, int id, CancellationToken cancellationToken) =>
        (await sender.Send(new UnpinMessage(id), cancellationToken)).ToHttp();

    public static async Task<IResult> SearchMessages(
        ISender sender,
        string? q,
        [FromQuery(Name = "conversation_id")] int? conversationId,
        string? cursor,
        int? limit,
        CancellationToken cancellationToken) =>
        (await sender.Send(new SearchMessages(q ?? string.Empty, conversationId, cursor, limit), cancellationToken)).ToOk();
}

public sealed record MessageEnvelope(MessageView Message);

public sealed record SendMessageRequest(
    int ConversationId,
    string? MessageType,
    string? Content,
    string? ClientMessageId,
    int? ReplyToId = null,
    int? ForwardOfMessageId = null,
    int? MediaId = null);

public sealed record EditMessageRequest(string? Content);

public sealed record ReactionRequest(string? Reaction);
