using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Astegni.Chat.Api.OpenApi;

/// <summary>
/// Each operation is named after its handler, described by its use case's doc comment, marked with the
/// bearer scheme when it needs a token, and given an example body.
/// </summary>
internal sealed class OperationDescription(UseCaseDocs docs) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<MethodInfo>().FirstOrDefault() is { } handler)
        {
            operation.OperationId ??= handler.Name;
            var texts = docs.For(handler.Name).Select(docs.Summary).OfType<string>().ToList();
            if (texts.Count > 0)
            {
                operation.Description ??= string.Join("\n\n", texts);
                operation.Summary ??= FirstSentence(texts[0]);
            }
        }

        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(DocumentDescription.BearerScheme, context.Document)] = [],
            });
        }

        var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source.Id == "Body");
        if (body is not null && operation.RequestBody?.Content is { } content && RequestExamples.For(body.Type) is { } example)
        {
            foreach (var mediaType in content.Values)
            {
                mediaType.Example = example;
            }
        }

        return Task.CompletedTask;
    }

    // "Block a user: from now on ..." gives "Block a user"; a colon inside parentheses does not end it.
    private static string FirstSentence(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0 && text[i] is '.' or ':' && text[i + 1] == ' ')
            {
                return text[..i];
            }
        }

        return text.TrimEnd('.');
    }
}
