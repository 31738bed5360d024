using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Astegni.Chat.Api.Tests.Http;

public sealed class AuthenticationTests : ApiTest
{
    [Test]
    public async Task Request_WithoutToken_IsUnauthorizedProblem()
    {
        var response = await Factory.AnonymousClient().GetAsync(new Uri("/api/chat/settings", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task TokenBuiltLikeAstegniLogin_IsAccepted()
    {
        var userId = await Db.AddUserAsync("Selam");
        var token = PyJwtStyleToken(new JsonObject { ["sub"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["exp"] = Expiry(60) });

        var response = await SendWith(token, "/api/chat/settings");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("admin")]
    [TestCase("advertiser")]
    public async Task StaffAndAdvertiserTokens_AreRefused(string type)
    {
        var userId = await Db.AddUserAsync("Staff");
        var token = PyJwtStyleToken(new JsonObject { ["sub"] = $"{userId}", ["exp"] = Expiry(60), ["type"] = type });

        var response = await SendWith(token, "/api/chat/settings");

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task ExpiredToken_IsRefused()
    {
        var token = PyJwtStyleToken(new JsonObject { ["sub"] = "1", ["exp"] = Expiry(-600) });

        var response = await SendWith(token, "/api/chat/settings");

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task TokenSignedWithAnotherKey_IsRefused()
    {
        var token = PyJwtStyleToken(new JsonObject { ["sub"] = "1", ["exp"] = Expiry(60) }, "some-other-key-of-thirty-two-bytes-or-more!!");

        var response = await SendWith(token, "/api/chat/settings");

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task TokenWhoseSubjectIsNotAUserId_IsRefused()
    {
        var token = PyJwtStyleToken(new JsonObject { ["sub"] = "tutor-7", ["exp"] = Expiry(60) });

        var response = await SendWith(token, "/api/chat/settings");

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task LegacyUserIdParameter_EqualToCaller_IsAccepted()
    {
        var me = await UserAsync("Me");

        var response = await me.Http.GetAsync(new Uri($"/api/chat/conversations?user_id={me.Id}", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task LegacyUserIdParameter_NamingSomeoneElse_IsForbidden()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");

        var response = await me.Http.GetAsync(new Uri($"/api/chat/conversations?user_id={other.Id}", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.Forbidden, "user_id_mismatch");
    }

    private static long Expiry(int minutes) => DateTimeOffset.UtcNow.AddMinutes(minutes).ToUnixTimeSeconds();

    private static async Task<HttpResponseMessage> SendWith(string token, string path)
    {
        using var client = Factory.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(new Uri(path, UriKind.Relative));
    }

    /// <summary>Built byte by byte as PyJWT builds HS256 tokens: no issuer, no audience, sub a string.</summary>
    private static string PyJwtStyleToken(JsonObject payload, string key = ChatApiFactory.SigningKey)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"HS256","typ":"JWT"}""");
        var body = Base64UrlEncoder.Encode(payload.ToJsonString());
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes($"{header}.{body}"));
        return $"{header}.{body}.{Base64UrlEncoder.Encode(signature)}";
    }
}
