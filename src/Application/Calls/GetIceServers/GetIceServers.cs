using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Calls.GetIceServers;

/// <summary>
/// The ICE servers my browser uses to connect a call (configuration section <c>Calls</c>): the STUN
/// servers, and the TURN servers with a credential for me that expires
/// (<see cref="CallOptions.TurnCredentialLifetime"/>) when a TURN secret is configured.
/// </summary>
/// <remarks>
/// The credential follows the TURN REST API that coturn implements (<c>use-auth-secret</c>): the
/// username is <c>"&lt;expiry unix time&gt;:&lt;user id&gt;"</c> and the password is
/// base64(HMAC-SHA1(secret, username)); the TURN server checks both without asking this service.
/// </remarks>
public sealed record GetIceServers : IChatQuery<IceServerList>;

public sealed record IceServerList(IReadOnlyList<IceServer> IceServers);

/// <summary>One entry of <c>RTCConfiguration.iceServers</c>.</summary>
public sealed record IceServer(
    IReadOnlyList<string> Urls,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Username = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Credential = null);

public sealed class GetIceServersHandler(IOptions<CallOptions> options, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetIceServers, Result<IceServerList>>
{
    public ValueTask<Result<IceServerList>> Handle(GetIceServers query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var servers = new List<IceServer>();
        if (settings.StunUrls.Count > 0)
        {
            servers.Add(new IceServer([.. settings.StunUrls]));
        }

        // TURN relays traffic, so it is never offered without a credential.
        if (!string.IsNullOrEmpty(settings.TurnSecret) && settings.TurnUrls.Count > 0)
        {
            var expiry = clock.GetUtcNow() + settings.TurnCredentialLifetime;
            var username = string.Create(CultureInfo.InvariantCulture, $"{expiry.ToUnixTimeSeconds()}:{currentUser.Id}");
            servers.Add(new IceServer([.. settings.TurnUrls], username, TurnCredential(settings.TurnSecret, username)));
        }

        return ValueTask.FromResult(Result<IceServerList>.Success(new IceServerList(servers)));
    }

    public static string TurnCredential(string secret, string username)
    {
#pragma warning disable CA5350 // the TURN REST API (coturn's use-auth-secret) defines the credential as HMAC-SHA1
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username));
#pragma warning restore CA5350
        return Convert.ToBase64String(mac);
    }
}
