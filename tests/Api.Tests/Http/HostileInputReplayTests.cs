using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Api.Tests.Http;

/// <summary>
/// A replay of hostile input over every route the service maps (read from its endpoint data source, so a
/// route added later is covered without anyone listing it): malformed JSON, wrong types, huge and negative
/// numbers, control characters and broken Unicode in strings and query values, overlong strings, empty
/// bodies and wrong content types. Whatever the input, the answer is never a 5xx, and every refusal is a
/// problem with a stable <c>code</c>.
/// </summary>
public sealed class HostileInputReplayTests : ApiTest
{
    private static readonly string[] HostileQueryValues =
    [
        "", "-1", "0", "2147483648", "99999999999999999999999", "1e309", "NaN", "abc", "true",
        "%00", "a%00b", "%01%1B", "%ED%A0%80", "%FF%FE", "%C0%AF", "'%3B DROP TABLE users--", new string('a', 5000),
    ];

    private static readonly string[] HostileRawBodies =
    [
        "", " ", "null", "[]", "\"text\"", "42", "true", "{", "{\"a\":", "not json", "{\"a\":1,}", "{'a':1}",
        "\uFEFF{}", new string('[', 5000) + new string(']', 5000), "{\"x\":\"\\ud800\"}", "{\"x\":\"\\u0000\"}",
    ];

    private static readonly JsonNode?[] HostileFieldValues =
    [
        null, "", "a\0b", "\u0001\u001b[31m", new string('x', 100_000), -1, 0, int.MinValue, true, new JsonArray(), new JsonObject(),
        JsonValue.Create(1.5), JsonValue.Create(long.MaxValue), "2026-13-45T99:99:99Z", "-1",
    ];

    // Numbers JSON can write but .NET cannot hold, and escapes that are not characters: raw JSON text.
    private static readonly string[] HostileRawFieldValues = ["1e309", "99999999999999999999999999", "-0", "\"\\ud800\"", "\"\\udc00x\""];

    // Plausible values for the fields the API's bodies have, so a hostile value in one field meets an
    // otherwise valid request and reaches as deep into the service as it can.
    private static JsonObject Baseline(Ids ids) => new()
    {
        ["conversation_id"] = ids.Direct,
        ["message_id"] = ids.Message,
        ["blocked_user_id"] = ids.Other,
        ["participant_user_ids"] = new JsonArray(ids.Other),
        ["type"] = "group",
        ["name"] = "Group",
        ["description"] = "About",
        ["message_type"] = "text",
        ["content"] = "hi",
        ["reaction"] = "👍",
        ["reason"] = "spam",
        ["muted"] = true,
        ["archived"] = true,
        ["pinned"] = true,
        ["role"] = "member",
        ["call_type"] = "voice",
        ["action"] = "end",
        ["who_can_message"] = "everyone",
        ["confirm"] = false,
    };

    [Test]
    public async Task HostileInput_OverEveryRoute_IsNeverAServerError_AndAlwaysAProblemWithACode()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var direct = await me.OpenDirectIdAsync(other.Id);
        var group = await me.CreateGroupIdAsync("Group", other.Id);
        var message = await me.SendIdAsync(direct, "hello");
        var ids = new Ids(direct, group, message, other.Id);

        var routes = Routes();
        Assert.That(routes, Has.Count.GreaterThan(30), "every REST route is found");

        var failures = new List<string>();
        var sent = 0;
        foreach (var route in routes)
        {
            foreach (var request in Requests(route, ids))
            {
                sent++;
                using var response = await me.Http.SendAsync(request.Build());
                if (await FailureAsync(request, response) is { } failure)
                {
                    failures.Add($"{request} → {failure}");
                }
            }
        }

        // The replay also sent the old modal's heartbeat, which keeps "me" online for a while in the shared
        // service; user ids start again after each reset, so say goodbye before the next test gets this id.
        await me.Http.PostAsync(new Uri("/api/chat/users/status/update?is_online=false", UriKind.Relative), null);

        TestContext.Out.WriteLine($"{sent} hostile requests over {routes.Count} routes");
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(40)));
    }

    private static async Task<string?> FailureAsync(HostileRequest request, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"{status}: {Shorten(text)}";
        }

        // Kestrel itself refuses a NUL in the path (a bare 400 before the service sees the request), and
        // the OpenAPI and Scalar pages answer their own way: only the API's refusals must be problems.
        if (status < 400 || request.Path.Contains("%00", StringComparison.Ordinal) || !request.Path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} without a problem body ({response.Content.Headers.ContentType}): {Shorten(text)}";
        }

        try
        {
            return JsonNode.Parse(text)?["code"]?.GetValue<string>() is { Length: > 0 } ? null : $"{status} problem without code: {Shorten(text)}";
        }
        catch (JsonException)
        {
            return $"{status} problem that is not JSON: {Shorten(text)}";
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>Every route the service maps, except the hub's (its input is checked by the hub tests).</summary>
    private static List<Route> Routes()
    {
        var source = Factory.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/hubs", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Route(method, e)))
            // Deleting my data last, so the other routes meet the data first.
            .OrderBy(r => r.Method == "DELETE" && r.Endpoint.RoutePattern.RawText == "/api/chat/data")
            .ToList();
    }

    private static IEnumerable<HostileRequest> Requests(Route route, Ids ids)
    {
        var pattern = route.Endpoint.RoutePattern;
        var handler = route.Endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
        var routeNames = pattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parameters = handler?.GetParameters() ?? [];
        var queryNames = parameters.Where(p => !routeNames.Contains(p.Name!) && IsQueryValue(p)).Select(QueryName).ToList();
        var bodyType = parameters.FirstOrDefault(p => !routeNames.Contains(p.Name!) && IsBody(p))?.ParameterType;
        var takesBody = bodyType is not null || route.Method is "POST" or "PUT" or "PATCH";

        // Route values: ids that exist, that do not, that cannot, and what the constraint refuses.
        var paths = PathVariants(pattern, ids).ToList();
        var realPaths = RealPaths(pattern, ids).ToList();
        var plainPath = realPaths[0];
        foreach (var path in paths)
        {
            yield return new HostileRequest(route.Method, path, takesBody ? "{}" : null);
        }

        foreach (var name in queryNames)
        {
            foreach (var value in HostileQueryValues)
            {
                yield return new HostileRequest(route.Method, $"{plainPath}?{name}={value}", takesBody ? "{}" : null);
            }
        }

        if (!takesBody)
        {
            yield break;
        }

        foreach (var body in HostileRawBodies)
        {
            yield return new HostileRequest(route.Method, plainPath, body);
        }

        foreach (var contentType in (string[])["text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x", "multipart/form-data"])
        {
            yield return new HostileRequest(route.Method, plainPath, "{}", contentType);
        }

        yield return new HostileRequest(route.Method, plainPath, "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\0b\"\r\n\r\nGIF89a", "multipart/form-data; boundary=x");
        yield return new HostileRequest(route.Method, plainPath, "--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n\u0001\r\n--x--", "multipart/form-data; boundary=x");

        var fields = bodyType is null ? [] : JsonFields(bodyType).ToList();
        foreach (var path in realPaths)
        {
            foreach (var field in fields)
            {
                foreach (var value in HostileFieldValues)
                {
                    yield return new HostileRequest(route.Method, path, BodyWith(ids, fields, field, value?.ToJsonString() ?? "null"));
                }

                foreach (var raw in HostileRawFieldValues)
                {
                    yield return new HostileRequest(route.Method, path, BodyWith(ids, fields, field, raw));
                }
            }
        }
    }

    /// <summary>The body's own fields at their plausible values, and one of them replaced by raw JSON.</summary>
    private static string BodyWith(Ids ids, List<string> fields, string hostileField, string rawJson)
    {
        var baseline = Baseline(ids);
        var parts = fields
            .Where(f => f != hostileField && baseline.ContainsKey(f))
            .Select(f => $"{JsonSerializer.Serialize(f)}:{baseline[f]!.ToJsonString()}")
            .Append($"{JsonSerializer.Serialize(hostileField)}:{rawJson}");
        return "{" + string.Join(",", parts) + "}";
    }

    /// <summary>The route with ids that exist: a direct chat and a group where it takes a conversation.</summary>
    private static IEnumerable<string> RealPaths(RoutePattern pattern, Ids ids)
    {
        var takesConversation = pattern.Parameters.Any(p => p.Name == "conversationId");
        foreach (var conversation in takesConversation ? [ids.Direct, ids.Group] : (int[])[ids.Direct])
        {
            yield return Path(pattern, p => (p.Name switch
            {
                "conversationId" => conversation,
                "userId" => ids.Other,
                _ => ids.Message,
            }).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static IEnumerable<string> PathVariants(RoutePattern pattern, Ids ids)
    {
        if (pattern.Parameters.Count == 0)
        {
            yield return Path(pattern, _ => string.Empty);
            yield break;
        }

        foreach (var id in (int[])[ids.Direct, ids.Group, ids.Message, ids.Other])
        {
            yield return Path(pattern, _ => id.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var value in (string[])["-1", "0", "2147483647", "99999999999", "abc", "%00", "%ED%A0%80"])
        {
            yield return Path(pattern, _ => value);
        }
    }

    private static string Path(RoutePattern pattern, Func<RoutePatternParameterPart, string> valueOf)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart parameter => valueOf(parameter),
                    RoutePatternSeparatorPart separator => separator.Content,
                    _ => string.Empty,
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static bool IsQueryValue(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return parameter.GetCustomAttribute<FromServicesAttribute>() is null
               && (type.IsPrimitive || type == typeof(string) || type == typeof(DateTimeOffset) || type.IsEnum);
    }

    private static string QueryName(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!;

    private static bool IsBody(ParameterInfo parameter) =>
        parameter.ParameterType is { IsClass: true } type
        && type != typeof(string)
        && type != typeof(HttpRequest)
        && type != typeof(HttpContext)
        && !typeof(ISender).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("Astegni", StringComparison.Ordinal) == true;

    private static IEnumerable<string> JsonFields(Type bodyType) =>
        bodyType.GetProperties().Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name));

    private sealed record Ids(int Direct, int Group, int Message, int Other);

    private sealed record Route(string Method, RouteEndpoint Endpoint);

    private sealed record HostileRequest(string Method, string Path, string? Body, string ContentType = "application/json")
    {
        public HttpRequestMessage Build()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Path, UriKind.Relative));
            if (Body is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            return request;
        }

        public override string ToString() =>
            $"{Method} {Path} [{ContentType}] {(Body is null ? string.Empty : Body.Length > 120 ? Body[..120] + "…" : Body)}";
    }
}
