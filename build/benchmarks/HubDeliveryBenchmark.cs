using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Astegni.Chat.Benchmarks;

public sealed record HubDeliveryResult(Latencies Delivery, Latencies Post, WarmupOutcome Warmup, CpuUsage? Cpu);

/// <summary>
/// (b) Send → hub delivery: the recipient listens on /hubs/chat over WebSockets; one message at a time is
/// posted, timed from just before the POST until its <c>message_created</c> event arrives.
/// </summary>
public static class HubDeliveryBenchmark
{
    private const int MinimumWarmupSamples = 20;
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    public static async Task<HubDeliveryResult> RunAsync(BenchHost host, SendFixture fixture, BenchOptions options, CpuMonitor? cpu)
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
        var sample = 0;
        async Task ProbeAsync(bool record)
        {
            var content = $"Hub probe {sample++} {Guid.NewGuid():N}";
            var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[content] = waiter;
            var start = Stopwatch.GetTimestamp();
            await ChatCalls.SendAsync(probe.Client, probe.ConversationId, content);
            var posted = Stopwatch.GetTimestamp();
            var received = await waiter.Task.WaitAsync(EventTimeout);
            if (record)
            {
                delivery.Add(start, received);
                post.Add(start, posted);
            }
        }

        var warmup = await SteadyState.WarmUpAsync(() => ProbeAsync(record: false), MinimumWarmupSamples, options.SequentialWarmup);
        var cpuFrom = cpu?.Take();
        for (var i = 0; i < options.HubSamples; i++)
        {
            await ProbeAsync(record: true);
        }

        var usage = cpu is null || cpuFrom is null ? null : CpuMonitor.Between(cpuFrom.Value, cpu.Take());
        return new HubDeliveryResult(delivery, post, warmup, usage);
    }
}
