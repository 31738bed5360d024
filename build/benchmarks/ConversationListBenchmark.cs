using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Astegni.Chat.Benchmarks;

public sealed record ListResult(long Messages, Latencies Latencies, int Conversations, TimeSpan LoadTime);

/// <summary>(d) GET /api/chat/conversations (default limit) for the viewer of a <see cref="ListDataset"/>, one request at a time.</summary>
public static class ConversationListBenchmark
{
    private const int WarmupRequests = 20;

    public static async Task<ListResult> RunAsync(BenchHost host, ListDataset dataset, TimeSpan loadTime, BenchOptions options)
    {
        using var client = host.ClientFor(dataset.ViewerId);
        var shown = 0;
        for (var i = 0; i < WarmupRequests; i++)
        {
            shown = await ListAsync(client);
        }

        var latencies = new Latencies(options.ListSamples);
        var deadline = Stopwatch.GetTimestamp() + (long)(options.ListTimeCap.TotalSeconds * Stopwatch.Frequency);
        while (latencies.Count < options.ListSamples && (latencies.Count < 20 || Stopwatch.GetTimestamp() < deadline))
        {
            var start = Stopwatch.GetTimestamp();
            await ListAsync(client);
            latencies.Add(start, Stopwatch.GetTimestamp());
        }

        return new ListResult(dataset.MessageCount, latencies, shown, loadTime);
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
