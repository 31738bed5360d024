using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Astegni.Chat.Api.Auth;

/// <summary>
/// <c>Jwt:SigningKey</c> is Astegni's <c>SECRET_KEY</c>: its UTF-8 bytes sign HS256 tokens, so tokens
/// Astegni's login issues validate unchanged. Issuer and audience are checked only when configured.
/// </summary>
public sealed class JwtSettings
{
    public const string Section = "Jwt";
    public const int MinimumKeyBytes = 32;

    public string SigningKey { get; set; } = string.Empty;
    public string? Issuer { get; set; }
    public string? Audience { get; set; }

    public SymmetricSecurityKey Key() => new(Encoding.UTF8.GetBytes(SigningKey));

    public static JwtSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<JwtSettings>() ?? new JwtSettings();
        if (Encoding.UTF8.GetByteCount(settings.SigningKey) < MinimumKeyBytes)
        {
            throw new InvalidOperationException(
                $"Jwt:SigningKey must be set to at least {MinimumKeyBytes} bytes (HS256). Set it in configuration or Jwt__SigningKey.");
        }

        settings.Issuer = string.IsNullOrWhiteSpace(settings.Issuer) ? null : settings.Issuer;
        settings.Audience = string.IsNullOrWhiteSpace(settings.Audience) ? null : settings.Audience;
        return settings;
    }
}
