using Astegni.Chat.Api.Http;
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
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Astegni.Chat.Api.Endpoints;

public static class MessageEndpoints
{
    public static RouteGroupBuilder MapMessageEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/messages").WithTags("Messages");
        group.MapGet("/{conversationId:int}", GetHistory).Produces<HistoryPage>();
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

    public static async Task<IResult> GetHistory(
        ISender sender, int conversationId, int? before, int? after, int? limit, CancellationToken cancellationToken) =>
        (await sender.Send(new GetHistory(conversationId, before, after, limit), cancellationToken)).ToOk();

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

    // Registered by ChatHost. "search" is no int, so GET /messages/{conversationId:int} never captures it.
    public static RouteGroupBuilder MapMessageSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/messages/search", SearchMessages).WithTags("Messages").Produces<MessageSearchPage>();
        return api;
    }

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
