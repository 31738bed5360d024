using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Blocks.BlockUser;
using Astegni.Chat.Application.Blocks.ListBlockedUsers;
using Astegni.Chat.Application.Blocks.UnblockUser;
using Mediator;

namespace Astegni.Chat.Api.Endpoints;

public static class BlockEndpoints
{
    public static RouteGroupBuilder MapBlockEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/block", BlockUser).WithTags("Blocks").Produces(StatusCodes.Status204NoContent);
        api.MapDelete("/block/{userId:int}", UnblockUser).WithTags("Blocks").Produces(StatusCodes.Status204NoContent);
        api.MapGet("/blocked", ListBlockedUsers).WithTags("Blocks").Produces<BlockedUsersPage>();
        return api;
    }

    public static async Task<IResult> BlockUser(ISender sender, BlockUserRequest request, CancellationToken cancellationToken) =>
        (await sender.Send(new BlockUser(request.BlockedUserId, request.Reason), cancellationToken)).ToHttp();

    public static async Task<IResult> UnblockUser(ISender sender, int userId, CancellationToken cancellationToken) =>
        (await sender.Send(new UnblockUser(userId), cancellationToken)).ToHttp();

    public static async Task<IResult> ListBlockedUsers(
        ISender sender, HttpRequest request, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var page = await sender.Send(new ListBlockedUsers(limit, cursor), cancellationToken);
        return page.IsSuccess && LegacyUserIdFilter.IsOldClient(request)
            ? await LegacyModalEndpoints.WithProfileKeysAsync(sender, page.Value, cancellationToken)
            : page.ToOk();
    }
}

public sealed record BlockUserRequest(int BlockedUserId, string? Reason);
