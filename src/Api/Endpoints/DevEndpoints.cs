using Astegni.Chat.Api.Auth;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Messages.Views;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Api.Endpoints;

/// <summary>
/// Development only (mapped when the environment is Development, never elsewhere): the web page's
/// "pick a demo user" list, each demo user with a fresh token. Like the <c>token</c> verb it is a local
/// tool, not a use case, so it reads the users directly instead of going through the mediator.
/// </summary>
public static class DevEndpoints
{
    /// <summary>The e-mail domain of the users <c>seed-demo</c> creates (see DemoData).</summary>
    public const string DemoEmailDomain = "@demo.astegni.et";

    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(24);

    public static IEndpointRouteBuilder MapDevEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dev/tokens", ListDemoTokens).WithTags("Development").AllowAnonymous().Produces<DemoTokenList>()
            .WithSummary("List the demo users with a fresh token each")
            .WithDescription("Development only (404 in every other environment): the web page's demo sign-in.");
        return app;
    }

    public static async Task<IResult> ListDemoTokens(IChatDbContext db, JwtSettings jwt, CancellationToken cancellationToken)
    {
        var users = await db.Users
            .Where(u => u.IsActive && u.Email != null && EF.Functions.Like(u.Email, "%" + DemoEmailDomain))
            .OrderBy(u => u.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
        var demoUsers = users
            .Select(u => new DemoToken(u.Id.Value, MessageViews.NameOf(u), u.Email!, TokenIssuer.Issue(jwt, u.Id.Value, TokenLifetime)))
            .ToList();
        return TypedResults.Ok(new DemoTokenList(demoUsers));
    }
}

public sealed record DemoTokenList(IReadOnlyList<DemoToken> Users);

public sealed record DemoToken(int UserId, string Name, string Email, string Token);
