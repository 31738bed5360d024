using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Astegni.Chat.Api.Auth;

public static class ChatAuthentication
{
    public const string SubjectClaim = "sub";
    public const string TypeClaim = "type";

    // Astegni issues these for staff and advertisers: they are not chat users.
    private static readonly string[] RefusedTokenTypes = ["admin", "advertiser"];

    public static IServiceCollection AddChatAuthentication(this IServiceCollection services, JwtSettings jwt)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    IssuerSigningKey = jwt.Key(),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuerSigningKey = true,
                    ValidateIssuer = jwt.Issuer is not null,
                    ValidIssuer = jwt.Issuer,
                    ValidateAudience = jwt.Audience is not null,
                    ValidAudience = jwt.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = SubjectClaim,
                };
                options.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets: the hub takes the token from the query.
                    OnMessageReceived = context =>
                    {
                        var token = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                    OnTokenValidated = context =>
                    {
                        var principal = context.Principal!;
                        var type = principal.FindFirst(TypeClaim)?.Value;
                        if (type is not null && RefusedTokenTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
                        {
                            context.Fail("This token type cannot use chat.");
                        }
                        else if (!TryGetUserId(principal, out _))
                        {
                            context.Fail("The token's subject is not a user id.");
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorization();
        return services;
    }

    public static bool TryGetUserId(System.Security.Claims.ClaimsPrincipal principal, out int userId) =>
        int.TryParse(principal.FindFirst(SubjectClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out userId)
        && userId > 0;
}
