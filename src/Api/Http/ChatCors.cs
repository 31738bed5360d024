using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace Astegni.Chat.Api.Http;

/// <summary>
/// Cross-origin access for Astegni's frontend, which is served from another host than this API:
/// only the origins listed in <c>Cors:AllowedOrigins</c> (none by default), for the REST API and the hub.
/// </summary>
/// <remarks>
/// Credentials are allowed because the SignalR browser client sends its negotiate request with
/// <c>withCredentials</c> by default. They grant nothing here: the caller is only ever the bearer token's user,
/// no cookie is read. Browsers do not apply CORS to WebSockets, so a WebSocket request carrying a foreign,
/// unlisted origin is refused here as well (<see cref="UseChatCors"/>).
/// </remarks>
public static class ChatCors
{
    public const string Section = "Cors";

    public static IServiceCollection AddChatCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = AllowedOrigins(configuration);
        return services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithHeaders(HeaderNames.Authorization, HeaderNames.ContentType, "X-Requested-With", "X-SignalR-User-Agent")
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
            .WithExposedHeaders(HeaderNames.Location, HeaderNames.ContentRange, HeaderNames.AcceptRanges)
            .AllowCredentials()
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
    }

    /// <summary>CORS for every endpoint (preflights answered before authentication), and the WebSocket origin check.</summary>
    public static WebApplication UseChatCors(this WebApplication app)
    {
        app.UseCors();
        // Here rather than only inside the hub's own pipeline, so the check below knows a WebSocket request.
        app.UseWebSockets();
        app.Use(async (context, next) =>
        {
            if (context.WebSockets.IsWebSocketRequest && !await MayOpenWebSocketAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        });
        return app;
    }

    private static string[] AllowedOrigins(IConfiguration configuration) =>
        (configuration.GetSection($"{Section}:AllowedOrigins").Get<string[]>() ?? [])
        .Where(origin => !string.IsNullOrWhiteSpace(origin))
        .Select(origin => origin.Trim().TrimEnd('/'))
        .ToArray();

    // No Origin (not a browser), this service's own page (same host; a TLS proxy may change the scheme),
    // or a listed origin.
    private static async Task<bool> MayOpenWebSocketAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        if (Uri.TryCreate(origin, UriKind.Absolute, out var originUri)
            && string.Equals(originUri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var policy = await context.RequestServices.GetRequiredService<ICorsPolicyProvider>().GetPolicyAsync(context, null);
        return policy?.IsOriginAllowed(origin) == true;
    }
}
