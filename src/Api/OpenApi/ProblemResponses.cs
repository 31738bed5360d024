using System.Reflection;
using System.Text.Json.Nodes;
using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Behaviors;
using Astegni.Chat.Application.RateLimits;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Astegni.Chat.Api.OpenApi;

/// <summary>
/// Every problem response lists the <c>code</c>s it can carry: the use case's own refusals
/// (<see cref="OperationRefusals"/>), its validators' codes (read from the validators themselves), and
/// what the edge answers for anyone (no token, a malformed body, an unknown id in the route).
/// </summary>
internal sealed class ProblemResponses(UseCaseDocs docs) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var codes = CodesByStatus(context);
        if (codes.Count == 0)
        {
            return Task.CompletedTask;
        }

        operation.Responses ??= [];
        // Problem responses declared for the whole API (e.g. on the route group) but that this operation never answers.
        foreach (var key in operation.Responses.Where(r => r.Value.Content?.ContainsKey("application/problem+json") == true).Select(r => r.Key).ToList())
        {
            if (!int.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out var declared) || !codes.ContainsKey(declared))
            {
                operation.Responses.Remove(key);
            }
        }

        foreach (var (status, statusCodes) in codes.OrderBy(c => c.Key))
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var listed = string.Join(", ", statusCodes.Order(StringComparer.Ordinal).Select(c => $"`{c}`"));
            operation.Responses[key] = new OpenApiResponse
            {
                Description = $"{ReasonPhrase(status)}. Problem `code`: {listed}.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            AllOf =
                            [
                                new OpenApiSchemaReference(ProblemSchema.Name, context.Document),
                                new OpenApiSchema
                                {
                                    Properties = new Dictionary<string, IOpenApiSchema>
                                    {
                                        ["code"] = new OpenApiSchema
                                        {
                                            Type = JsonSchemaType.String,
                                            Enum = [.. statusCodes.Order(StringComparer.Ordinal).Select(c => (JsonNode)JsonValue.Create(c))],
                                        },
                                    },
                                },
                            ],
                        },
                    },
                },
            };
        }

        return Task.CompletedTask;
    }

    /// <summary>The codes an operation can answer, by HTTP status.</summary>
    public Dictionary<int, SortedSet<string>> CodesByStatus(OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var codes = new Dictionary<int, SortedSet<string>>();
        void Add(int status, string code)
        {
            if (!codes.TryGetValue(status, out var set))
            {
                codes[status] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(code);
        }

        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            Add(StatusCodes.Status401Unauthorized, ProblemCodes.ForStatus(StatusCodes.Status401Unauthorized));
            Add(StatusCodes.Status403Forbidden, LegacyUserIdFilter.Mismatch.Code);
        }

        if (description.ParameterDescriptions.Count > 0)
        {
            Add(StatusCodes.Status400BadRequest, ProblemCodes.ForStatus(StatusCodes.Status400BadRequest));
        }

        if (description.ParameterDescriptions.Any(p => p.Source.Id == "Path"))
        {
            Add(StatusCodes.Status404NotFound, ProblemCodes.ForStatus(StatusCodes.Status404NotFound));
        }

        if (metadata.OfType<MethodInfo>().FirstOrDefault() is not { } handler)
        {
            return codes;
        }

        // The database is out of reach: try again after Retry-After.
        Add(StatusCodes.Status503ServiceUnavailable, DatabaseOutage.Code);

        foreach (var error in OperationRefusals.For(handler.Name))
        {
            Add(ResultHttp.StatusFor(error), error.Code);
        }

        if (docs.For(handler.Name).Any(useCase => useCase.GetCustomAttribute<RateLimitedAttribute>() is not null))
        {
            Add(StatusCodes.Status429TooManyRequests, Domain.Common.Error.RateLimited(new Domain.Common.RateLimitHit("", 0, 0, TimeSpan.Zero, TimeSpan.Zero)).Code);
        }

        var validationCodes = docs.For(handler.Name).SelectMany(useCase => ValidatorCodes(context.ApplicationServices, useCase)).ToList();
        foreach (var code in validationCodes)
        {
            Add(StatusCodes.Status400BadRequest, code);
        }

        if (validationCodes.Count > 0)
        {
            // Several fields wrong at once, with different codes.
            Add(StatusCodes.Status400BadRequest, ValidationBehavior<Mediator.IMessage, Domain.Common.Result>.GenericCode);
        }

        return codes;
    }

    private static IEnumerable<string> ValidatorCodes(IServiceProvider services, Type useCase)
    {
        using var scope = services.CreateScope();
        var validators = (IEnumerable<IValidator>)scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(useCase));
        return validators
            .SelectMany(v => v.CreateDescriptor().Rules)
            .SelectMany(rule => rule.Components)
            .Select(component => component.ErrorCode)
            .Where(code => code is { Length: > 0 } && code.All(c => char.IsAsciiLetterLower(c) || c == '_'))
            .Distinct();
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Refused";
}
