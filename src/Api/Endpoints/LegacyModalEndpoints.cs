using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Blocks.ListBlockedUsers;
using Astegni.Chat.Application.Blocks.UnblockProfile;
using Astegni.Chat.Application.Conversations.ListConversations;
using Astegni.Chat.Application.Conversations.ListTypingUsers;
using Astegni.Chat.Application.Conversations.SignalTyping;
using Astegni.Chat.Application.Presence.GetUserStatuses;
using Astegni.Chat.Application.Presence.ReportPresence;
using Astegni.Chat.Application.Profiles.GetProfileKeys;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Astegni.Chat.Api.Endpoints;

/// <summary>
/// The old backend's routes that Astegni's chat modal still calls and the contract replaced (typing and presence
/// over the hub, unblock by user id), kept so the modal works during the switch. Each sends the same use case as
/// its replacement, so the same rules apply; the answers keep the old shapes. New clients use the hub and the
/// routes in API.md instead (docs/frontend-migration.md).
/// </summary>
public static class LegacyModalEndpoints
{
    public const string Tag = "Old chat modal";

    public static RouteGroupBuilder MapLegacyModalEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags(Tag);
        group.MapPost("/conversations/{conversationId:int}/typing", SignalTyping)
            .WithSummary("I am typing (or stopped), as the hub's Typing method; for clients without a hub connection.")
            .Produces<LegacyMessage>();
        group.MapGet("/conversations/{conversationId:int}/typing", ListTypingUsers)
            .WithSummary("Who is typing in the conversation now, as far as I am shown it.")
            .Produces<TypingNow>();
        group.MapGet("/users/online-status", PresenceEndpoints.GetUserStatuses)
            .WithName("GetUserStatusesByOldName")
            .WithSummary("The old name of GET /users/status.")
            .Produces<UserStatuses>();
        group.MapPost("/users/status/update", ReportPresence)
            .WithSummary("An old client's heartbeat: online for 75 s without a hub connection (is_online=false: I left).")
            .Produces<LegacyMessage>();
        group.MapDelete("/block/{profileId:int}/{profileType}", UnblockProfile)
            .WithSummary("Unblock the user who owns this role profile (the old modal's unblock).")
            .Produces(StatusCodes.Status204NoContent);
        return api;
    }

    public static async Task<IResult> SignalTyping(
        ISender sender, int conversationId, TypingRequest request, CancellationToken cancellationToken) =>
        Acknowledged(await sender.Send(new SignalTyping(conversationId, request.IsTyping), cancellationToken), "Typing status updated");

    public static async Task<IResult> ListTypingUsers(ISender sender, int conversationId, CancellationToken cancellationToken) =>
        (await sender.Send(new ListTypingUsers(conversationId), cancellationToken)).ToOk();

    /// <param name="isOnline">The query's <c>is_online</c> (default true); the modal's device fields are ignored.</param>
    public static async Task<IResult> ReportPresence(
        ISender sender, [FromQuery(Name = "is_online")] bool? isOnline, CancellationToken cancellationToken) =>
        Acknowledged(await sender.Send(new ReportPresence(isOnline ?? true), cancellationToken), "Status updated");

    private static IResult Acknowledged(Result result, string message) =>
        result.IsSuccess ? TypedResults.Ok(new LegacyMessage(message)) : ResultHttp.Problem(result.Error);

    public static async Task<IResult> UnblockProfile(
        ISender sender, int profileId, string profileType, CancellationToken cancellationToken) =>
        (await sender.Send(new UnblockProfile(profileId, profileType), cancellationToken)).ToHttp();

    /// <summary>Old clients' conversation list: each direct chat also names the other person's role profile.</summary>
    public static async Task<IResult> WithProfileKeysAsync(ISender sender, ConversationPage page, CancellationToken cancellationToken)
    {
        var others = page.Conversations.Where(c => c.OtherUserId is not null).Select(c => c.OtherUserId!.Value).Distinct().ToList();
        if (others.Count == 0)
        {
            return TypedResults.Ok(page);
        }

        return (await sender.Send(new GetProfileKeys(others), cancellationToken)).ToHttp(keys => TypedResults.Ok(page with
        {
            Conversations = page.Conversations
                .Select(c => c.OtherUserId is { } other && keys.ByUserId.TryGetValue(other, out var profile)
                    ? c with { OtherProfileId = profile.ProfileId, OtherProfileType = profile.ProfileType }
                    : c)
                .ToList(),
        }));
    }

    /// <summary>Old clients' block list: each entry also names the blocked person's role profile, by the same rule.</summary>
    public static async Task<IResult> WithProfileKeysAsync(ISender sender, BlockedUsersPage page, CancellationToken cancellationToken)
    {
        if (page.Blocked.Count == 0)
        {
            return TypedResults.Ok(page);
        }

        return (await sender.Send(new GetProfileKeys(page.Blocked.Select(b => b.UserId).ToList()), cancellationToken))
            .ToHttp(keys => TypedResults.Ok(page with
            {
                Blocked = page.Blocked
                    .Select(b => keys.ByUserId.TryGetValue(b.UserId, out var profile)
                        ? b with { BlockedProfileId = profile.ProfileId, BlockedProfileType = profile.ProfileType }
                        : b)
                    .ToList(),
            }));
    }
}

public sealed record TypingRequest([property: System.Text.Json.Serialization.JsonRequired] bool IsTyping);

/// <summary>The old backend's acknowledgement, <c>{message}</c>.</summary>
public sealed record LegacyMessage(string Message);
