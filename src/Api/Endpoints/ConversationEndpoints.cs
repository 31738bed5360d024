using System.Text.Json.Serialization;
using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Conversations.AddParticipants;
using Astegni.Chat.Application.Conversations.ChangeParticipantRole;
using Astegni.Chat.Application.Conversations.CreateGroup;
using Astegni.Chat.Application.Conversations.GetConversation;
using Astegni.Chat.Application.Conversations.Groups;
using Astegni.Chat.Application.Conversations.ArchiveConversation;
using Astegni.Chat.Application.Conversations.ClearConversationHistory;
using Astegni.Chat.Application.Conversations.DeleteConversation;
using Astegni.Chat.Application.Conversations.GetReadStatus;
using Astegni.Chat.Application.Conversations.ListConversations;
using Astegni.Chat.Application.Conversations.MarkConversationRead;
using Astegni.Chat.Application.Conversations.MuteConversation;
using Astegni.Chat.Application.Conversations.OpenDirectConversation;
using Astegni.Chat.Application.Conversations.RemoveParticipant;
using Astegni.Chat.Application.Conversations.UpdateGroup;
using Astegni.Chat.Application.Conversations.PinConversation;
using Astegni.Chat.Application.Conversations.Views;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Api.Endpoints;

public static class ConversationEndpoints
{
    public static readonly Error UnsupportedType = Error.Validation(
        "invalid_conversation_type", "type must be \"direct\" or \"group\".");

    public static readonly Error DirectNeedsOneUser = Error.Validation(
        "invalid_participants", "A direct conversation takes exactly one participant_user_ids entry: the other person.");

    public static RouteGroupBuilder MapConversationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/conversations").WithTags("Conversations");
        group.MapGet("/", ListConversations).Produces<ConversationPage>();
        group.MapPost("/", CreateConversation)
            .WithSummary("Open a direct chat with one person, or create a group")
            .Produces<CreatedConversationEnvelope>(StatusCodes.Status201Created)
            .Produces<ConversationEnvelope>();
        group.MapGet("/{conversationId:int}", GetConversation).Produces<ConversationDetailsEnvelope>();
        group.MapPut("/{conversationId:int}", UpdateGroup).Produces<ConversationEnvelope>();
        group.MapPost("/{conversationId:int}/participants", AddParticipants).Produces<ParticipantsAdded>();
        group.MapDelete("/{conversationId:int}/participants/{userId:int}", RemoveParticipant).Produces(StatusCodes.Status204NoContent);
        group.MapPut("/{conversationId:int}/participants/{userId:int}/role", ChangeParticipantRole).Produces(StatusCodes.Status204NoContent);
        group.MapPost("/{conversationId:int}/read", MarkConversationRead).Produces(StatusCodes.Status204NoContent);

        // Per-caller actions and read receipts.
        group.MapPut("/{conversationId:int}/mute", MuteConversation).Produces(StatusCodes.Status204NoContent);
        group.MapPut("/{conversationId:int}/archive", ArchiveConversation).Produces(StatusCodes.Status204NoContent);
        group.MapPut("/{conversationId:int}/pin", PinConversation).Produces(StatusCodes.Status204NoContent);
        group.MapDelete("/{conversationId:int}/history", ClearConversationHistory).Produces(StatusCodes.Status204NoContent);
        group.MapDelete("/{conversationId:int}", DeleteConversation).Produces(StatusCodes.Status204NoContent);
        group.MapGet("/{conversationId:int}/read-status", GetReadStatus).Produces<ReadStatusList>();
        return api;
    }

    public static async Task<IResult> ListConversations(
        ISender sender, HttpRequest request, int? limit, string? cursor, bool? archived, string? q, CancellationToken cancellationToken)
    {
        var page = await sender.Send(new ListConversations(limit, cursor, archived ?? false, q), cancellationToken);
        return page.IsSuccess && LegacyUserIdFilter.IsOldClient(request)
            ? await LegacyModalEndpoints.WithProfileKeysAsync(sender, page.Value, cancellationToken)
            : page.ToOk();
    }

    public static async Task<IResult> CreateConversation(
        ISender sender, CreateConversationRequest request, CancellationToken cancellationToken)
    {
        if (request.Type == "group")
        {
            return await CreateGroup(sender, request, cancellationToken);
        }

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

    // 201 with the group as the creator's list shows it, plus who was added and who could not be (and why).
    private static async Task<IResult> CreateGroup(ISender sender, CreateConversationRequest request, CancellationToken cancellationToken)
    {
        var created = await sender.Send(
            new CreateGroup(request.Name, request.ParticipantUserIds, request.Description, request.AvatarMediaId), cancellationToken);
        return created.ToHttp(c => TypedResults.Created(
            $"/api/chat/conversations/{c.Conversation.Id}", new CreatedConversationEnvelope(c.Conversation, c.Added, c.Refused)));
    }

    public static async Task<IResult> GetConversation(ISender sender, int conversationId, CancellationToken cancellationToken) =>
        (await sender.Send(new GetConversation(conversationId), cancellationToken))
        .ToHttp(details => TypedResults.Ok(new ConversationDetailsEnvelope(details)));

    public static async Task<IResult> UpdateGroup(
        ISender sender, int conversationId, UpdateGroupRequest request, CancellationToken cancellationToken) =>
        (await sender.Send(new UpdateGroup(conversationId, request.Name, request.Description, request.AvatarMediaId), cancellationToken))
        .ToHttp(summary => TypedResults.Ok(new ConversationEnvelope(summary)));

    public static async Task<IResult> AddParticipants(
        ISender sender, int conversationId, AddParticipantsRequest request, CancellationToken cancellationToken) =>
        (await sender.Send(new AddParticipants(conversationId, request.ParticipantUserIds), cancellationToken)).ToOk();

    public static async Task<IResult> RemoveParticipant(
        ISender sender, int conversationId, int userId, CancellationToken cancellationToken) =>
        (await sender.Send(new RemoveParticipant(conversationId, userId), cancellationToken)).ToHttp();

    public static async Task<IResult> ChangeParticipantRole(
        ISender sender, int conversationId, int userId, ChangeRoleRequest request, CancellationToken cancellationToken) =>
        (await sender.Send(new ChangeParticipantRole(conversationId, userId, request.Role), cancellationToken)).ToHttp();

    public static async Task<IResult> MarkConversationRead(
        ISender sender, int conversationId, MarkReadRequest request, CancellationToken cancellationToken) =>
        (await sender.Send(new MarkConversationRead(conversationId, request.MessageId), cancellationToken)).ToHttp();

    public static async Task<IResult> MuteConversation(
        ISender sender, int conversationId, MuteRequest request, CancellationToken cancellationToken) =>
        (await sender.Send(new MuteConversation(conversationId, request.Muted, request.Until), cancellationToken)).ToHttp();

    public static async Task<IResult> ArchiveConversation(
        ISender sender, int conversationId, ArchiveRequest request, CancellationToken cancellationToken) =>
        (await sender.Send(new ArchiveConversation(conversationId, request.Archived), cancellationToken)).ToHttp();

    public static async Task<IResult> PinConversation(
        ISender sender, int conversationId, PinRequest request, CancellationToken cancellationToken) =>
        (await sender.Send(new PinConversation(conversationId, request.Pinned), cancellationToken)).ToHttp();

    public static async Task<IResult> ClearConversationHistory(ISender sender, int conversationId, CancellationToken cancellationToken) =>
        (await sender.Send(new ClearConversationHistory(conversationId), cancellationToken)).ToHttp();

    public static async Task<IResult> DeleteConversation(ISender sender, int conversationId, CancellationToken cancellationToken) =>
        (await sender.Send(new DeleteConversation(conversationId), cancellationToken)).ToHttp();

    public static async Task<IResult> GetReadStatus(ISender sender, int conversationId, CancellationToken cancellationToken) =>
        (await sender.Send(new GetReadStatus(conversationId), cancellationToken)).ToOk();
}

public sealed record CreateConversationRequest(
    string? Type,
    IReadOnlyList<int>? ParticipantUserIds,
    string? Name = null,
    string? Description = null,
    int? AvatarMediaId = null);

public sealed record MarkReadRequest(int MessageId);

public sealed record ConversationEnvelope(ConversationSummary Conversation);

/// <summary>
/// 201 of POST /conversations. A group adds who was added besides the creator and who could not be (and why);
/// a direct chat or notes has just the conversation.
/// </summary>
public sealed record CreatedConversationEnvelope(
    ConversationSummary Conversation, IReadOnlyList<int>? Added = null, IReadOnlyList<RefusedParticipant>? Refused = null);

public sealed record ConversationDetailsEnvelope(ConversationDetails Conversation);

public sealed record UpdateGroupRequest(string? Name = null, string? Description = null, int? AvatarMediaId = null);

public sealed record AddParticipantsRequest(IReadOnlyList<int>? ParticipantUserIds);

public sealed record ChangeRoleRequest(string? Role);

// The flag is required: a body without it is malformed, never a silent "false".
public sealed record MuteRequest([property: JsonRequired] bool Muted, DateTimeOffset? Until = null);

public sealed record ArchiveRequest([property: JsonRequired] bool Archived);

public sealed record PinRequest([property: JsonRequired] bool Pinned);
