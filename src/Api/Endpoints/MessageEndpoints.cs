using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Messages.GetHistory;
using Astegni.Chat.Application.Messages.SearchMessages;
using Astegni.Chat.Application.Messages.SendMessage;
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
        return api;
    }

    public static async Task<IResult> GetHistory(
        ISender sender, int conversationId, int? before, int? after, int? limit, CancellationToken cancellationToken) =>
        (await sender.Send(new GetHistory(conversationId, before, after, limit), cancellationToken)).ToOk();

    public static async Task<IResult> SendMessage(ISender sender, SendMessageRequest request, CancellationToken cancellationToken)
    {
        var sent = await sender.Send(
            new SendMessage(request.ConversationId, request.MessageType ?? "text", request.Content, request.ClientMessageId),
            cancellationToken);
        return sent.ToHttp(s => s.Replayed
            ? TypedResults.Ok(new MessageEnvelope(s.Message))
            : TypedResults.Created($"/api/chat/messages/{s.Message.ConversationId}", new MessageEnvelope(s.Message)));
    }

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

public sealed record SendMessageRequest(int ConversationId, string? MessageType, string? Content, string? ClientMessageId);
