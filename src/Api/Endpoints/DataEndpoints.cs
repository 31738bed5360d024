using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.YourData.DeleteMyChatData;
using Astegni.Chat.Application.YourData.ExportMyChatData;
using Mediator;

namespace Astegni.Chat.Api.Endpoints;

/// <summary>Your data: export everything chat holds about me, or erase it. Always the caller's own.</summary>
public static class DataEndpoints
{
    public static RouteGroupBuilder MapDataEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/data/export", ExportMyChatData).WithTags("Your data").Produces<ChatDataExport>();
        api.MapDelete("/data", DeleteMyChatData).WithTags("Your data").Produces(StatusCodes.Status204NoContent);
        return api;
    }

    public static async Task<IResult> ExportMyChatData(ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ExportMyChatData(), cancellationToken)).ToOk();

    /// <param name="confirm">Must be <c>true</c>: the deletion cannot be undone.</param>
    public static async Task<IResult> DeleteMyChatData(ISender sender, bool? confirm, CancellationToken cancellationToken) =>
        (await sender.Send(new DeleteMyChatData(confirm ?? false), cancellationToken)).ToHttp();
}
