using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Calls;
using Astegni.Chat.Application.Calls.GetIceServers;
using Astegni.Chat.Domain.Common;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Astegni.Chat.Application.Tests.Calls;

public class GetIceServersTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static async Task<IReadOnlyList<IceServer>> ServersAsync(CallOptions options, int userId = 42)
    {
        var me = Substitute.For<ICurrentUser>();
        me.Id.Returns(new UserId(userId));
        var handler = new GetIceServersHandler(Options.Create(options), me, new FixedClock(Now));
        return (await handler.Handle(new GetIceServers(), CancellationToken.None)).Value.IceServers;
    }

    [Test]
    public async Task WithNothingConfigured_ThereAreNoServers() =>
        Assert.That(await ServersAsync(new CallOptions()), Is.Empty);

    [Test]
    public async Task Stun_ComesWithoutACredential()
    {
        var options = new CallOptions();
        options.StunUrls.Add("stun:stun.astegni.et:3478");

        var servers = await ServersAsync(options);

        Assert.That(servers, Is.EqualTo(new[] { new IceServer(["stun:stun.astegni.et:3478"]) }).Using<IceServer>(SameServer));
    }

    [Test]
    public async Task Turn_ComesWithMyExpiringUsername_AndTheHmacSha1OfItUnderTheSecret()
    {
        var options = new CallOptions { TurnSecret = "s3cret", TurnCredentialLifetime = TimeSpan.FromHours(6) };
        options.TurnUrls.Add("turn:turn.astegni.et:3478");

        var turn = (await ServersAsync(options, userId: 42)).Single();

        var expectedUsername = string.Create(CultureInfo.InvariantCulture, $"{Now.AddHours(6).ToUnixTimeSeconds()}:42");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(turn.Urls, Is.EqualTo(new[] { "turn:turn.astegni.et:3478" }));
            Assert.That(turn.Username, Is.EqualTo(expectedUsername));
            Assert.That(turn.Credential, Is.EqualTo(Convert.ToBase64String(HMACSHA1.HashData("s3cret"u8.ToArray(), Encoding.UTF8.GetBytes(expectedUsername)))));
        }
    }

    [Test]
    public async Task Turn_WithoutASecret_IsLeftOut()
    {
        var options = new CallOptions { TurnSecret = "" };
        options.TurnUrls.Add("turn:turn.astegni.et:3478");

        Assert.That(await ServersAsync(options), Is.Empty);
    }

    private static bool SameServer(IceServer a, IceServer b) =>
        a.Urls.SequenceEqual(b.Urls) && a.Username == b.Username && a.Credential == b.Credential;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
