using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Astegni.Chat.Api.OpenApi;

/// <summary>The problem body as every refusal really carries it: a stable <c>code</c>, the <c>trace_id</c>, field <c>errors</c>.</summary>
internal sealed class ProblemSchema : IOpenApiSchemaTransformer
{
    public const string Name = nameof(ProblemDetails);

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(ProblemDetails))
        {
            return Task.CompletedTask;
        }

        schema.Description = "RFC 7807 problem details. Switch on `code`, never on `title` or `detail` (those are for people).";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Stable snake_case code of the refusal, e.g. `recipient_unavailable`; each operation lists its own.",
        };
        schema.Properties["trace_id"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Identifies this request in the service's logs: quote it when reporting a problem.",
        };
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "For invalid input: each snake_case field name that was refused, with what is wrong with it.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add("code");
        schema.Required.Add("status");
        schema.Required.Add("title");
        return Task.CompletedTask;
    }
}
