using System.Globalization;
using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Presence.GetUserStatuses;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Astegni.Chat.Api.Endpoints;

public static class PresenceEndpoints
{
    public static readonly Error MalformedUserIds = Error.Validation(
        GetUserStatusesValidator.InvalidUserIds, "user_ids must be user ids separated by commas, e.g. user_ids=12,40,7.");

    public static RouteGroupBuilder MapPresenceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/users/status", GetUserStatuses).WithTags("Presence").Produces<UserStatuses>();
        return api;
    }

    /// <param name="userIds">The query's <c>user_ids</c>: comma-separated, at most <see cref="Application.Presence.GetUserStatuses.GetUserStatuses.MaxUserIds"/>.</param>
    public static async Task<IResult> GetUserStatuses(
        ISender sender, [FromQuery(Name = "user_ids")] string? userIds, CancellationToken cancellationToken)
    {
        if (!TryParseIds(userIds, out var ids))
        {
            return ResultHttp.Problem(MalformedUserIds);
        }

        return (await sender.Send(new GetUserStatuses(ids), cancellationToken)).ToOk();
    }

    /// <summary>"12,40,7" (spaces around ids allowed); empty or missing is an empty list, left to the validator.</summary>
    private static bool TryParseIds(string? text, out List<int> ids)
    {
        ids = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var part in text.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return false;
            }

            ids.Add(id);
        }

        return true;
    }
}
