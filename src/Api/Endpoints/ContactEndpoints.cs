using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Contacts.ListContacts;
using Mediator;

namespace Astegni.Chat.Api.Endpoints;

public static class ContactEndpoints
{
    public static RouteGroupBuilder MapContactEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/contacts", ListContacts).WithTags("Contacts").Produces<ContactPage>();
        return api;
    }

    public static async Task<IResult> ListContacts(
        ISender sender, string? q, int? limit, string? cursor, CancellationToken cancellationToken) =>
        (await sender.Send(new ListContacts(q, limit, cursor), cancellationToken)).ToOk();
}
