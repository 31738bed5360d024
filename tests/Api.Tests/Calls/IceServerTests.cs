using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests.Calls;

/// <summary><c>GET /api/chat/ice-servers</c>: from configuration, TURN only with a time-limited credential.</summary>
public sealed class IceServerTests : ApiTest
{
    private const string Secret = "turn-shared-secret-for-the-tests";

    [Test]
    public async Task ByDefault_ThereAreNoIceServers_PeersConnectByHostCandidates()
    {
        var me = await UserAsync("Me");

        var body = await me.GetJsonAsync("/api/chat/ice-servers");

        Assert.That(body["ice_servers"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task WithATurnSecret_TurnComesWithACredentialForMe_ThatExpires_AndIsTheHmacOfTheSecret()
    {
        await using var service = new ConfiguredChatApiFactory(new Dictionary<string, string>
        {
            ["Calls:StunUrls:0"] = "stun:stun.astegni.et:3478",
            ["Calls:TurnUrls:0"] = "turn:turn.astegni.et:3478?transport=udp",
            ["Calls:TurnUrls:1"] = "turns:turn.astegni.et:5349?transport=tcp",
            ["Calls:TurnSecret"] = Secret,
            ["Calls:TurnCredentialLifetime"] = "02:00:00",
        });
        var userId = await Db.AddUserAsync("Me");
        var me = service.User(userId);

        var servers = (await me.GetJsonAsync("/api/chat/ice-servers"))["ice_servers"]!.AsArray();

        Assert.That(servers, Has.Count.EqualTo(2));
        var stun = servers[0]!.AsObject();
        var turn = servers[1]!.AsObject();
        var username = turn["username"]!.GetValue<string>();
        var expiry = DateTimeOffset.FromUnixTimeSeconds(long.Parse(username.Split(':')[0], CultureInfo.InvariantCulture));
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(username)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Urls(stun), Is.EqualTo(new[] { "stun:stun.astegni.et:3478" }));
            Assert.That(stun.ContainsKey("username") || stun.ContainsKey("credential"), Is.False, "STUN needs no credential");
            Assert.That(Urls(turn), Is.EqualTo(new[] { "turn:turn.astegni.et:3478?transport=udp", "turns:turn.astegni.et:5349?transport=tcp" }));
            Assert.That(username, Does.EndWith($":{userId}"));
            Assert.That(expiry, Is.EqualTo(DateTimeOffset.UtcNow.AddHours(2)).Within(TimeSpan.FromMinutes(1)));
            Assert.That(turn["credential"]!.GetValue<string>(), Is.EqualTo(expected));
            Assert.That(turn.ToJsonString(), Does.Not.Contain(Secret), "the secret itself never leaves the service");
        }
    }

    [Test]
    public async Task TurnUrlsWithoutASecret_AreNotServed()
    {
        await using var service = new ConfiguredChatApiFactory(new Dictionary<string, string>
        {
            ["Calls:StunUrls:0"] = "stun:stun.astegni.et:3478",
            ["Calls:TurnUrls:0"] = "turn:turn.astegni.et:3478",
        });
        var me = service.User(await Db.AddUserAsync("Me"));

        var servers = (await me.GetJsonAsync("/api/chat/ice-servers"))["ice_servers"]!.AsArray();

        Assert.That(servers.Select(s => Urls(s!.AsObject())[0]), Is.EqualTo(new[] { "stun:stun.astegni.et:3478" }));
    }

    [Test]
    public async Task WithoutAToken_IsUnauthorized()
    {
        using var anonymous = Factory.AnonymousClient();

        var response = await anonymous.GetAsync(new Uri("/api/chat/ice-servers", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private static string[] Urls(JsonObject server) => server["urls"]!.AsArray().Select(u => u!.GetValue<string>()).ToArray();
}
