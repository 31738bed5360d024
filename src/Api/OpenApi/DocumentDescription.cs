using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Astegni.Chat.Api.OpenApi;

/// <summary>What the API is, and how to authenticate: Astegni's bearer token (the hub takes it as <c>access_token</c>).</summary>
internal sealed class DocumentDescription : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Astegni Chat";
        document.Info.Description = """
            The chat of Astegni: one person per user (never per role profile), direct chats, groups and
            personal notes, messages with media, calls, blocks and privacy.

            **Authentication.** Every `/api/chat` route takes an Astegni access token (HS256 JWT whose `sub`
            is the user id) as `Authorization: Bearer <token>`. The SignalR hub at `/hubs/chat` takes the same
            token as the `access_token` query parameter. An old client's `user_id` query parameter is accepted
            only when it equals the token's user (else 403 `user_id_mismatch`).

            **Errors** are RFC 7807 problem details (`application/problem+json`) with a stable `code` that
            clients may switch on, the `trace_id` to quote when reporting a problem, and, for invalid fields,
            `errors` (field name to messages). Each operation lists the codes it can answer per status.
            """;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An Astegni access token. For local use, the service's `token --user <id>` verb prints one. "
                + "The hub (`/hubs/chat`) takes the same token as the `access_token` query parameter.",
        };
        return Task.CompletedTask;
    }
}
