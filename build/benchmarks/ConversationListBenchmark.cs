using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Astegni.Chat.Benchmarks;

public sealed record ListResult(long Messages, Latencies Latencies, int Conversations, TimeSpan LoadTime, WarmupOutcome Warmup, CpuUsage? Cpu);

/// <summary>(d) GET /api/chat/conversations (default limit) for the viewer of a <see cref="ListDataset"/>, one request at a time.</summary>
public static class ConversationListBenchmark
{
    private const int MinimumWarmupRequests = 20;
    private const int MinimumSamples = 20;

    public static async Task<ListResult> RunAsync(
        BenchHost host, ListDataset dataset, TimeSpan loadTime, BenchOptions options, CpuMonitor? cpu)
    {
        using var client = host.ClientFor(dataset.ViewerId);
        var shown = 0;
        var warmup = await SteadyState.WarmUpAsync(async () => shown = await ListAsync(client), MinimumWarmupRequests, options.SequentialWarmup);

        var latencies = new Latencies(options.ListSamples);
        var cpuFrom = cpu?.Take();
        var deadline = Stopwatch.GetTimestamp() + (long)(options.ListTimeCap.TotalSeconds * Stopwatch.Frequency);
        while (latencies.Count < options.ListSamples && (latencies.Count < MinimumSamples || Stopwatch.GetTimestamp() < deadline))
        {
            var start = Stopwatch.GetTimestamp();
            await ListAsync(client);
            latencies.Add(start, Stopwatch.GetTimestamp());
        }

        var usage = cpu is null || cpuFrom is null ? null : CpuMonitor.Between(cpuFrom.Value, cpu.Take());
        return new ListResult(dataset.MessageCount, latencies, shown, loadTime, warmup, usage);
    }

    private static async Task<int> ListAsync(HttpClient client)
    {
        using var response = await client.GetAsync(ChatCalls.ConversationsPath);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {ChatCalls.ConversationsPath} answered {(int)response.StatusCode}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("conversations").GetArrayLength();
    }
}
