using System.Diagnostics;
using System.Net;

namespace Astegni.Chat.Benchmarks;

public sealed record SearchResult(string Query, Latencies Latencies);

/// <summary>
/// GET /api/chat/messages/search for the viewer of a <see cref="ListDataset"/> (1,000 conversations),
/// one request at a time: a word every message holds (the newest page of many matches) and a word one
/// message holds (the index finds it among all).
/// </summary>
public static class SearchBenchmark
{
    public static async Task<IReadOnlyList<SearchResult>> RunAsync(BenchHost host, ListDataset dataset, BenchOptions options)
    {
        using var client = host.ClientFor(dataset.ViewerId);
        var results = new List<SearchResult>();
        foreach (var query in new[] { "ordinary", $"{dataset.MessageCount / 2}" })
        {
            var path = $"/api/chat/messages/search?q={Uri.EscapeDataString(query)}";
            for (var i = 0; i < 20; i++)
            {
                await SearchAsync(client, path);
            }

            var latencies = new Latencies(options.ListSamples);
            for (var i = 0; i < options.ListSamples; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await SearchAsync(client, path);
                latencies.Add(start, Stopwatch.GetTimestamp());
            }

            results.Add(new SearchResult(query, latencies));
        }

        return results;
    }

    private static async Task SearchAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
        }
    }
}
