using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Astegni.Chat.Benchmarks;

public sealed record HubDeliveryResult(Latencies Delivery, Latencies Post);

/// <summary>
/// (b) Send → hub delivery: the recipient listens on /hubs/chat over WebSockets; one message at a time is
/// posted, timed from just before the POST until its <c>message_created</c> event arrives.
/// </summary>
public static class HubDeliveryBenchmark
{
    private const int WarmupSamples = 20;
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    public static async Task<HubDeliveryResult> RunAsync(BenchHost host, SendFixture fixture, BenchOptions options)
    {
        var probe = fixture.Probe;
        var pending = new ConcurrentDictionary<string, TaskCompletionSource<long>>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, "/hubs/chat"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(BenchHost.TokenFor(probe.RecipientId));
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketConfiguration = ws => ws.Proxy = null;
            })
            .Build();
        connection.On<JsonElement>("message_created", payload =>
        {
            var received = Stopwatch.GetTimestamp();
            var content = payload.GetProperty("message").GetProperty("content").GetString();
            if (content is not null && pending.TryRemove(content, out var waiter))
            {
                waiter.TrySetResult(received);
            }
        });
        await connection.StartAsync();

        var delivery = new Latencies(options.HubSamples);
        var post = new Latencies(options.HubSamples);
        for (var i = 0; i < WarmupSamples + options.HubSamples; i++)
        {
            var content = $"Hub probe {i} {Guid.NewGuid():N}";
            var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[content] = waiter;
            var start = Stopwatch.GetTimestamp();
            await ChatCalls.SendAsync(probe.Client, probe.ConversationId, content);
            var posted = Stopwatch.GetTimestamp();
            var received = await waiter.Task.WaitAsync(EventTimeout);
            if (i >= WarmupSamples)
            {
                delivery.Add(start, received);
                post.Add(start, posted);
            }
        }

        return new HubDeliveryResult(delivery, post);
    }
}
