using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Astegni.Chat.Api.Auth;

/// <summary>Mints tokens shaped like Astegni's login's (for local use and tests): sub as a string, exp, type "access".</summary>
public static class TokenIssuer
{
    public static string Issue(JwtSettings jwt, int userId, TimeSpan lifetime, string type = "access")
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([
                new Claim(ChatAuthentication.SubjectClaim, userId.ToString(CultureInfo.InvariantCulture)),
                new Claim(ChatAuthentication.TypeClaim, type),
            ]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(lifetime),
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            SigningCredentials = new SigningCredentials(jwt.Key(), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
