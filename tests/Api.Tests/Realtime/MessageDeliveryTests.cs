using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Astegni.Chat.Api.Tests.Realtime;

/// <summary>Real SignalR clients over WebSockets to the running service.</summary>
public sealed class MessageDeliveryTests : ApiTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Test]
    public async Task SentMessage_ReachesTheOtherMember_AndTheSendersOtherDevice_ButNoOutsider()
    {
        var abebe = await UserAsync("Abebe");
        var almaz = await UserAsync("Almaz");
        var outsider = await UserAsync("Outsider");
        var conversationId = await abebe.OpenDirectIdAsync(almaz.Id);
        await using var almazPhone = await ListenAsync(almaz.Id);
        await using var abebeLaptop = await ListenAsync(abebe.Id);
        await using var outsiderPhone = await ListenAsync(outsider.Id);

        var sent = await abebe.SendOkAsync(conversationId, "Are we still on for 4pm?");

        var received = await almazPhone.NextAsync(Patience);
        var echoed = await abebeLaptop.NextAsync(Patience);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(received.GetProperty("message").GetProperty("id").GetInt32(), Is.EqualTo(sent["id"]!.GetValue<int>()));
            Assert.That(received.GetProperty("message").GetProperty("conversation_id").GetInt32(), Is.EqualTo(conversationId));
            Assert.That(received.GetProperty("message").GetProperty("content").GetString(), Is.EqualTo("Are we still on for 4pm?"));
            Assert.That(received.GetProperty("message").GetProperty("is_mine").GetBoolean(), Is.False);
            Assert.That(echoed.GetProperty("message").GetProperty("is_mine").GetBoolean(), Is.True);
        }

        // Give a stray event every chance to arrive before concluding none was sent.
        await Task.Delay(300);
        Assert.That(outsiderPhone.Received, Is.Empty);
    }

    [Test]
    public async Task RefusedMessage_PushesNothing()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await other.BlockAsync(me.Id);
        await using var otherPhone = await ListenAsync(other.Id);

        await me.SendAsync(conversationId, "you there?");

        await Task.Delay(300);
        Assert.That(otherPhone.Received, Is.Empty);
    }

    [Test]
    public async Task Hub_WithoutAValidToken_RefusesTheConnection()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Factory.ServerAddress, "/hubs/chat?access_token=not-a-token"), o => o.Transports = HttpTransportType.WebSockets)
            .Build();

        Assert.That(async () => await connection.StartAsync(), Throws.Exception);
        await connection.DisposeAsync();
    }

    private static async Task<Listener> ListenAsync(int userId)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Factory.ServerAddress, "/hubs/chat"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(ChatApiFactory.TokenFor(userId));
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        var listener = new Listener(connection);
        connection.On<JsonElement>("message_created", listener.Received.Add);
        await connection.StartAsync();
        return listener;
    }

    private sealed class Listener(HubConnection connection) : IAsyncDisposable
    {
        public BlockingCollection<JsonElement> Received { get; } = [];

        public Task<JsonElement> NextAsync(TimeSpan timeout) => Task.Run(() =>
            Received.TryTake(out var item, timeout) ? item : throw new TimeoutException("No hub event arrived."));

        public async ValueTask DisposeAsync()
        {
            await connection.DisposeAsync();
            Received.Dispose();
        }
    }
}
