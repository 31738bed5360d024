using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Conversations.ListConversations;
using Astegni.Chat.Application.Conversations.MarkConversationRead;
using Astegni.Chat.Application.Conversations.OpenDirectConversation;
using Astegni.Chat.Application.Conversations.Views;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Api.Endpoints;

public static class ConversationEndpoints
{
    public static readonly Error UnsupportedType = Error.Validation(
        "invalid_conversation_type", "type must be \"direct\" (groups are not available yet).");

    public static readonly Error DirectNeedsOneUser = Error.Validation(
        "invalid_participants", "A direct conversation takes exactly one participant_user_ids entry: the other person.");

    public static RouteGroupBuilder MapConversationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/conversations").WithTags("Conversations");
        group.MapGet("/", ListConversations).Produces<ConversationPage>();
        group.MapPost("/", CreateConversation)
            .Produces<ConversationEnvelope>(StatusCodes.Status201Created)
            .Produces<ConversationEnvelope>();
        group.MapPost("/{conversationId:int}/read", MarkRead).Produces(StatusCodes.Status204NoContent);
        return api;
    }

    public static async Task<IResult> ListConversations(
        ISender sender, int? limit, string? cursor, bool? archived, CancellationToken cancellationToken) =>
        (await sender.Send(new ListConversations(limit, cursor, archived ?? false), cancellationToken)).ToOk();

    public static async Task<IResult> CreateConversation(
        ISender sender, CreateConversationRequest request, CancellationToken cancellationToken)
    {
        if (request.Type != "direct")
        {
            return ResultHttp.Problem(UnsupportedType);
        }

        if (request.ParticipantUserIds is not [var otherUserId])
        {
            return ResultHttp.Problem(DirectNeedsOneUser);
        }

        var opened = await sender.Send(new OpenDirectConversation(otherUserId), cancellationToken);
        return opened.ToHttp(o => o.Created
            ? TypedResults.Created($"/api/chat/conversations/{o.Conversation.Id}", new ConversationEnvelope(o.Conversation))
            : TypedResults.Ok(new ConversationEnvelope(o.Conversation)));
    }

    public static async Task<IResult> MarkRead(
        ISender sender, int conversationId, MarkReadRequest request, CancellationToken cancellationToken) =>
        (await sender.Send(new MarkConversationRead(conversationId, request.MessageId), cancellationToken)).ToHttp();
}

public sealed record CreateConversationRequest(
    string? Type,
    IReadOnlyList<int>? ParticipantUserIds,
    string? Name = null,
    string? Description = null,
    int? AvatarMediaId = null);

public sealed record MarkReadRequest(int MessageId);

public sealed record ConversationEnvelope(ConversationSummary Conversation);
