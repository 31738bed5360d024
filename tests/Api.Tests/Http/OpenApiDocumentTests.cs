using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using Astegni.Chat.Api.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Api.Tests.Http;

/// <summary>The published API document is one an integrator can generate a client from and rely on.</summary>
public sealed class OpenApiDocumentTests : ApiTest
{
    /// <summary>The one chat route without a bearer token: the signed media download.</summary>
    private const string SignedMediaRoute = "/api/chat/media/{id}/signed";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private static async Task<JsonObject> DocumentAsync() =>
        (await Factory.AnonymousClient().GetFromJsonAsync<JsonObject>(new Uri("/openapi/v1.json", UriKind.Relative)))!;

    private static IEnumerable<(string Route, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(entry => Methods.Contains(entry.Key))
                .Select(entry => (path.Key, entry.Key, entry.Value!.AsObject())));

    [Test]
    public async Task EveryOperation_HasAUniqueIdNamedAfterItsHandler_ASummaryAndADescription()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        Assert.That(operations, Has.Count.GreaterThanOrEqualTo(38));
        Assert.Multiple(() =>
        {
            foreach (var (route, method, operation) in operations)
            {
                Assert.That((string?)operation["operationId"], Is.Not.Null.And.Match("^[A-Z][A-Za-z]+$"), $"{method} {route}: operationId");
                Assert.That((string?)operation["summary"], Is.Not.Null.And.Not.Empty, $"{method} {route}: summary");
                Assert.That((string?)operation["description"], Is.Not.Null.And.Not.Empty, $"{method} {route}: description");
            }

            Assert.That(operations.Select(o => (string?)o.Operation["operationId"]), Is.Unique);
        });
    }

    [Test]
    public async Task ChatOperations_UseTheBearerScheme_WhichSaysHowTheHubTakesTheToken()
    {
        var document = await DocumentAsync();
        var scheme = document["components"]!["securitySchemes"]!["bearer"]!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)scheme["type"], Is.EqualTo("http"));
            Assert.That((string?)scheme["scheme"], Is.EqualTo("bearer"));
            Assert.That((string?)scheme["description"], Does.Contain("access_token"));
            foreach (var (route, method, operation) in Operations(document).Where(o => o.Route.StartsWith("/api/chat", StringComparison.Ordinal)))
            {
                var requirements = operation["security"]?.AsArray().Select(r => r!.AsObject().Select(p => p.Key).Single());
                if (route == SignedMediaRoute)
                {
                    // Its signature is the credential: <img> and the old clients send no header.
                    Assert.That(requirements, Is.Null.Or.Empty, $"{method} {route}: security");
                    continue;
                }

                Assert.That(requirements, Is.EquivalentTo(new[] { "bearer" }), $"{method} {route}: security");
            }
        });
    }

    [Test]
    public async Task EveryProblemResponse_ListsTheCodesItCanCarry()
    {
        var document = await DocumentAsync();

        Assert.Multiple(() =>
        {
            foreach (var (route, method, operation) in Operations(document).Where(o => o.Route.StartsWith("/api/chat", StringComparison.Ordinal)))
            {
                var problems = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')).ToList();
                if (route == SignedMediaRoute)
                {
                    Assert.That(problems.Select(p => p.Key), Does.Not.Contain("401").And.Contain("403").And.Contain("410"), $"{method} {route}");
                }
                else
                {
                    Assert.That(problems.Select(p => p.Key), Does.Contain("401"), $"{method} {route}");
                }

                foreach (var (status, response) in problems)
                {
                    var codes = CodesOf(response!);
                    Assert.That(codes, Is.Not.Empty, $"{method} {route} {status}: problem codes");
                }
            }
        });
    }

    [Test]
    public async Task TheProblemSchema_CarriesCodeErrorsAndTraceId()
    {
        var problem = (await DocumentAsync())["components"]!["schemas"]!["ProblemDetails"]!;

        Assert.That(problem["properties"]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "code", "errors", "trace_id", "title", "status" }));
        Assert.That(problem["required"]!.AsArray().Select(r => (string?)r), Does.Contain("code"));
    }

    [Test]
    public async Task IntegersAreIntegers_NeverIntegerOrString()
    {
        var document = await DocumentAsync();

        var mixed = Schemas(document).Where(schema => schema["type"] is JsonArray types
            && types.Any(t => (string?)t is "integer" or "number") && types.Any(t => (string?)t == "string")).ToList();

        Assert.That(mixed.Select(s => s.ToJsonString()), Is.Empty);
    }

    [Test]
    public async Task EveryJsonRequestBody_HasAnExample()
    {
        var document = await DocumentAsync();

        Assert.Multiple(() =>
        {
            foreach (var (route, method, operation) in Operations(document))
            {
                if (operation["requestBody"]?["content"]?["application/json"] is { } body)
                {
                    Assert.That(body["example"], Is.Not.Null, $"{method} {route}: request example");
                }
            }
        });
    }

    [Test]
    public void EveryChatEndpoint_HasItsRefusalsListed()
    {
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/chat", StringComparison.Ordinal) == true)
            .Select(e => e.Metadata.OfType<MethodInfo>().FirstOrDefault()?.Name)
            .ToList();

        Assert.That(endpoints, Is.Not.Empty);
        Assert.That(endpoints.Where(name => name is null || !OperationRefusals.Covers(name)), Is.Empty,
            "add the endpoint's refusals to src/Api/OpenApi/OperationRefusals.cs");
    }

    [Test]
    public async Task RefusalsTheServiceAnswers_AreTheOnesTheDocumentLists()
    {
        var document = await DocumentAsync();
        var me = await UserAsync("Me");
        var stranger = await UserAsync("Stranger");
        await stranger.Http.PostAsJsonAsync("/api/chat/block", new { blocked_user_id = me.Id });

        var refusals = new (string OperationId, HttpResponseMessage Response)[]
        {
            ("SendMessage", await me.Http.PostAsJsonAsync("/api/chat/messages", new { conversation_id = 999_999, message_type = "text", content = "hi" })),
            ("SendMessage", await me.Http.PostAsJsonAsync("/api/chat/messages", new { conversation_id = 1, message_type = "text", content = new string('x', 10_001) })),
            ("CreateConversation", await me.Http.PostAsJsonAsync("/api/chat/conversations", new { type = "direct", participant_user_ids = new[] { stranger.Id } })),
            ("BlockUser", await me.Http.PostAsJsonAsync("/api/chat/block", new { blocked_user_id = me.Id })),
            ("GetHistory", await me.Http.GetAsync(new Uri("/api/chat/messages/5?limit=500", UriKind.Relative))),
            ("UpdatePrivacySettings", await me.Http.PutAsJsonAsync("/api/chat/settings", new { who_can_message = "martians" })),
        };

        Assert.Multiple(() =>
        {
            foreach (var (operationId, response) in refusals)
            {
                var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var code = (string?)response.Content.ReadFromJsonAsync<JsonObject>().GetAwaiter().GetResult()!["code"];
                var operation = Operations(document).Single(o => (string?)o.Operation["operationId"] == operationId).Operation;
                var listed = operation["responses"]![status] is { } documented ? CodesOf(documented) : [];
                Assert.That(listed, Does.Contain(code), $"{operationId} answered {status} {code}");
            }
        });
    }

    [Test]
    public async Task AGeneratedTypeScriptClient_BuildsFromTheDocument()
    {
        var root = RepositoryRoot();
        var bin = Path.Combine(root, "node_modules", ".bin");
        Assert.That(File.Exists(Path.Combine(bin, "openapi-ts")), Is.True, "build/test installs the npm devDependencies (npm ci)");
        var work = Directory.CreateTempSubdirectory("chat-openapi-client-");
        try
        {
            var spec = Path.Combine(work.FullName, "openapi.json");
            await File.WriteAllTextAsync(spec, (await DocumentAsync()).ToJsonString());
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "tsconfig.json"), """
                { "compilerOptions": { "target": "ES2022", "module": "ES2022", "moduleResolution": "bundler", "strict": true,
                  "noEmit": true, "lib": ["ES2022", "DOM", "DOM.Iterable"] }, "include": ["client/**/*.ts", "use.ts"] }
                """);
            // Uses the generated client as an integrator would: typed bodies, integer ids, problem codes.
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "use.ts"), """
                import { sendMessage, type SendMessageErrors } from "./client";
                export async function send(): Promise<string | undefined> {
                  const { data, error } = await sendMessage({ body: { conversation_id: 42, message_type: "text", content: "hi", client_message_id: null } });
                  const notFound: SendMessageErrors[404]["code"] = "conversation_not_found";
                  return error ? notFound : data?.message.content ?? undefined;
                }
                """);

            await RunAsync(Path.Combine(bin, "openapi-ts"), work.FullName, "-i", spec, "-o", "client", "-c", "@hey-api/client-fetch");
            await RunAsync(Path.Combine(bin, "tsc"), work.FullName, "-p", "tsconfig.json");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static IReadOnlyList<string?> CodesOf(JsonNode response) =>
        response["content"]?["application/problem+json"]?["schema"]?["allOf"]?.AsArray()
            .Select(part => part?["properties"]?["code"]?["enum"]).OfType<JsonArray>()
            .SelectMany(codes => codes.Select(c => (string?)c)).ToList() ?? [];

    private static IEnumerable<JsonObject> Schemas(JsonNode? node) => node switch
    {
        JsonObject obj => (obj.ContainsKey("type") ? [obj] : Enumerable.Empty<JsonObject>()).Concat(obj.SelectMany(p => Schemas(p.Value))),
        JsonArray array => array.SelectMany(Schemas),
        _ => [],
    };

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Astegni.Chat.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Astegni.Chat.sln) was not found.");
    }

    private static async Task RunAsync(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.Zero, $"{Path.GetFileName(program)} failed:\n{await output}\n{await errors}");
    }
}
