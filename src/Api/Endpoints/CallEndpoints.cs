using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Calls;
using Astegni.Chat.Application.Calls.GetIceServers;
using Astegni.Chat.Application.Calls.ListCalls;
using Astegni.Chat.Application.Calls.StartCall;
using Astegni.Chat.Application.Calls.UpdateCall;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Astegni.Chat.Api.Endpoints;

/// <summary>Voice and video calls: place, answer, decline, cancel, end; the history; the ICE servers to connect with.</summary>
public static class CallEndpoints
{
    public static RouteGroupBuilder MapCallEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calls").WithTags("Calls");
        group.MapPost("/", StartCall).Produces<CallEnvelope>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:int}", UpdateCall).Produces<CallEnvelope>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListCalls).Produces<CallsPage>();
        api.MapGet("/ice-servers", GetIceServers).WithTags("Calls").Produces<IceServerList>();
        return api;
    }

    public static async Task<IResult> StartCall(ISender sender, StartCallRequest request, CancellationToken cancellationToken) =>
        (await sender.Send(new StartCall(request.ConversationId, request.CallType ?? string.Empty), cancellationToken))
        .ToHttp(call => TypedResults.Created($"/api/chat/calls/{call.Id}", new CallEnvelope(call)));

    public static async Task<IResult> UpdateCall(ISender sender, int id, UpdateCallRequest request, CancellationToken cancellationToken) =>
        (await sender.Send(new UpdateCall(id, request.Action ?? string.Empty), cancellationToken))
        .ToHttp(call => TypedResults.Ok(new CallEnvelope(call)));

    public static async Task<IResult> ListCalls(
        ISender sender, [FromQuery(Name = "conversation_id")] int? conversationId, int? limit, string? cursor, CancellationToken cancellationToken) =>
        (await sender.Send(new ListCalls(conversationId, limit, cursor), cancellationToken)).ToOk();

    public static async Task<IResult> GetIceServers(ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetIceServers(), cancellationToken)).ToOk();
}

/// <param name="CallType"><c>voice</c> or <c>video</c>.</param>
public sealed record StartCallRequest(int ConversationId, string? CallType);

/// <param name="Action"><c>answer</c>, <c>decline</c>, <c>cancel</c> or <c>end</c>.</param>
public sealed record UpdateCallRequest(string? Action);
