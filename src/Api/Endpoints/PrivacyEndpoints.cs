using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Privacy.GetPrivacySettings;
using Astegni.Chat.Application.Privacy.UpdatePrivacySettings;
using Astegni.Chat.Application.Privacy;
using Mediator;

namespace Astegni.Chat.Api.Endpoints;

public static class PrivacyEndpoints
{
    public static RouteGroupBuilder MapPrivacyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/settings", GetPrivacySettings).WithTags("Privacy").Produces<SettingsEnvelope>();
        api.MapPut("/settings", UpdatePrivacySettings).WithTags("Privacy").Produces<SettingsEnvelope>();
        return api;
    }

    public static async Task<IResult> GetPrivacySettings(ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetPrivacySettings(), cancellationToken)).ToHttp(s => TypedResults.Ok(new SettingsEnvelope(s)));

    public static async Task<IResult> UpdatePrivacySettings(ISender sender, UpdatePrivacySettings request, CancellationToken cancellationToken) =>
        (await sender.Send(request, cancellationToken)).ToHttp(s => TypedResults.Ok(new SettingsEnvelope(s)));
}

public sealed record SettingsEnvelope(PrivacySettingsView Settings);
