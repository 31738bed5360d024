using System.Net;
using System.Net.WebSockets;

namespace Astegni.Chat.Api.Tests.Http;

/// <summary>
/// Astegni's frontend runs on another host: its origin (listed in <c>Cors:AllowedOrigins</c>) may call the
/// REST API and open the hub; any other origin may not.
/// </summary>
public sealed class CorsTests : ApiTest
{
    private const string RefusedOrigin = "https://evil.example";

    [Test]
    public async Task Preflight_FromTheListedOrigin_AllowsTheBearerHeaderAndTheMethod()
    {
        var response = await PreflightAsync("/api/chat/conversations?user_id=1", ChatApiFactory.AllowedOrigin, "GET", "authorization");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(ChatApiFactory.AllowedOrigin));
            Assert.That(Header(response, "Access-Control-Allow-Headers"), Does.Contain("authorization").IgnoreCase);
            Assert.That(Header(response, "Access-Control-Allow-Methods"), Does.Contain("GET"));
            Assert.That(Header(response, "Access-Control-Allow-Credentials"), Is.EqualTo("true"));
        }
    }

    [Test]
    public async Task Preflight_OfAJsonPost_AndOfTheHubNegotiate_AreAnswered()
    {
        var send = await PreflightAsync("/api/chat/messages", ChatApiFactory.AllowedOrigin, "POST", "authorization,content-type");
        var negotiate = await PreflightAsync("/hubs/chat/negotiate?negotiateVersion=1", ChatApiFactory.AllowedOrigin, "POST", "authorization,x-requested-with,x-signalr-user-agent");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(send.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Header(send, "Access-Control-Allow-Headers"), Does.Contain("content-type").IgnoreCase);
            Assert.That(negotiate.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Header(negotiate, "Access-Control-Allow-Origin"), Is.EqualTo(ChatApiFactory.AllowedOrigin));
        }
    }

    [Test]
    public async Task Request_FromTheListedOrigin_CarriesTheAllowHeader_EvenWhenRefused()
    {
        var me = await UserAsync("Me");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/chat/conversations", UriKind.Relative));
        request.Headers.Add("Origin", ChatApiFactory.AllowedOrigin);
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/chat/conversations", UriKind.Relative));
        anonymous.Headers.Add("Origin", ChatApiFactory.AllowedOrigin);

        var response = await me.Http.SendAsync(request);
        var unauthorized = await Factory.AnonymousClient().SendAsync(anonymous);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(ChatApiFactory.AllowedOrigin));
            Assert.That(unauthorized.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(Header(unauthorized, "Access-Control-Allow-Origin"), Is.EqualTo(ChatApiFactory.AllowedOrigin),
                "the page can read the 401 and sign in again");
        }
    }

    [Test]
    public async Task OriginNotListed_GetsNoAllowHeader_OnPreflightOrRequest()
    {
        var me = await UserAsync("Me");
        var preflight = await PreflightAsync("/api/chat/conversations", RefusedOrigin, "GET", "authorization");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/chat/conversations", UriKind.Relative));
        request.Headers.Add("Origin", RefusedOrigin);
        var response = await me.Http.SendAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Header(preflight, "Access-Control-Allow-Origin"), Is.Null);
            Assert.That(Header(preflight, "Access-Control-Allow-Headers"), Is.Null);
            Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.Null, "the browser keeps the answer from the page");
        }
    }

    [Test]
    public async Task HubWebSocket_OpensFromTheListedOrigin_AndWithoutOrigin_ButNotFromAnotherOrigin()
    {
        var me = await UserAsync("Me");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await OpenHubSocketAsync(me.Id, ChatApiFactory.AllowedOrigin), Is.EqualTo(WebSocketState.Open));
            Assert.That(await OpenHubSocketAsync(me.Id, origin: null), Is.EqualTo(WebSocketState.Open), "not a browser");
            Assert.That(await OpenHubSocketAsync(me.Id, Factory.ServerAddress.GetLeftPart(UriPartial.Authority)), Is.EqualTo(WebSocketState.Open),
                "the service's own page");
            Assert.ThrowsAsync<WebSocketException>(() => OpenHubSocketAsync(me.Id, RefusedOrigin));
        }
    }

    private static async Task<HttpResponseMessage> PreflightAsync(string path, string origin, string method, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await Factory.AnonymousClient().SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    // SignalR accepts a WebSocket without negotiating first (the client's skipNegotiation).
    private static async Task<WebSocketState> OpenHubSocketAsync(int userId, string? origin)
    {
        using var socket = new ClientWebSocket();
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        var address = new UriBuilder(Factory.ServerAddress) { Scheme = "ws", Path = "/hubs/chat", Query = $"access_token={ChatApiFactory.TokenFor(userId)}" };
        await socket.ConnectAsync(address.Uri, CancellationToken.None);
        var state = socket.State;
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        return state;
    }
}
