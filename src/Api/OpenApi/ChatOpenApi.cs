using Microsoft.AspNetCore.OpenApi;

namespace Astegni.Chat.Api.OpenApi;

/// <summary>
/// The OpenAPI document an integrator can use: operation ids, the use cases' own summaries, the bearer
/// scheme, every problem code an operation can answer, integer ids as integers and an example per body.
/// </summary>
public static class ChatOpenApi
{
    public static IServiceCollection AddChatOpenApi(this IServiceCollection services)
    {
        services.AddSingleton<UseCaseDocs>();
        return services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DocumentDescription>();
            options.AddOperationTransformer<OperationDescription>();
            options.AddOperationTransformer<ProblemResponses>();
            options.AddSchemaTransformer<IntegerSchemas>();
            options.AddSchemaTransformer<ProblemSchema>();
        });
    }
}
