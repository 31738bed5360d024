using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Astegni.Chat.Api.OpenApi;

/// <summary>
/// Ids and counts are JSON numbers. The web JSON defaults would also read "12" for 12, so the generator
/// documents them as "integer or string" with a digits pattern; clients must send and expect integers.
/// </summary>
internal sealed class IntegerSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type
            && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
            && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
