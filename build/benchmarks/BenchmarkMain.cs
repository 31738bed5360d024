using System.Diagnostics;
using System.Globalization;

namespace Astegni.Chat.Benchmarks;

/// <summary>build/bench runs this with a private PostgreSQL; docs/benchmarks.md says what each figure means.</summary>
internal static class BenchmarkMain
{
    private const double SendTarget = 0.5;
    private const double ListTarget = 1.5;

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        // WebApplicationFactory finds the service's content root through MvcTestingAppManifest.json in the
        // current directory, which the build writes next to this program.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);

        var options = BenchOptions.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }

        var total = Stopwatch.StartNew();

        void Say(string line = "") => Console.Out.WriteLine(line);
        void Progress(string line) => Console.Error.WriteLine($"    ... {line}");

        Say($"Astegni Chat benchmark ({options.Mode} run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        foreach (var line in await MachineFacts.DescribeAsync(options.ServerConnectionString))
        {
            Say(line);
        }

        Say();

        LoadResult? send = null;
        LoadResult? ceiling = null;
        HubDeliveryResult? hub = null;
        ListResult? small = null;
        ListResult? large = null;

        if (options.Runs("send") || options.Runs("hub") || options.Runs("ceiling"))
        {
            await using var database = await BenchDatabase.CreateAsync(options.ServerConnectionString, "chat_bench_send");
            await using var host = new BenchHost(database.ConnectionString);
            using var fixture = await SendFixture.CreateAsync(host, database, options.Concurrency);
            var window = $"{options.Concurrency} concurrent, {options.Duration.TotalSeconds:0.#} s after {options.Warmup.TotalSeconds:0.#} s warm-up";

            if (options.Runs("send"))
            {
                Progress("REST send");
                send = await SendBenchmark.RunAsync(fixture, options);
                Say($"[a] REST send (POST /api/chat/messages over HTTP, {window})");
                PrintLoad(send, "messages");
            }

            if (options.Runs("hub"))
            {
                Progress("send -> hub delivery");
                hub = await HubDeliveryBenchmark.RunAsync(host, fixture, options);
                Say("[b] Send -> hub delivery (one message at a time, recipient on /hubs/chat over WebSockets)");
                Say($"    POST -> message_created: {hub.Delivery.Summary()}");
                Say($"    POST -> HTTP response:   {hub.Post.Summary()}");
                Say();
            }

            if (options.Runs("ceiling"))
            {
                Progress("raw SQL ceiling");
                ceiling = await CeilingBenchmark.RunAsync(database, fixture, options);
                Say($"[c] Ceiling (BEGIN; INSERT chat_messages; UPDATE conversations; COMMIT via Npgsql, {window})");
                PrintLoad(ceiling, "transactions");
            }
        }

        if (options.Runs("list"))
        {
            await using var database = await BenchDatabase.CreateAsync(options.ServerConnectionString, "chat_bench_list");
            await using var host = new BenchHost(database.ConnectionString);
            var dataset = new ListDataset(database, options.ListConversations);
            Progress($"creating {dataset.ConversationCount:N0} conversations");
            await dataset.CreateConversationsAsync();

            Say($"[d] Conversation list (GET /api/chat/conversations, default limit, one request at a time) for a user in "
                + $"{options.ListConversations:N0} direct chats; {dataset.ConversationCount:N0} conversations in all"
                + (options.Quick ? $"; quick run: {options.SmallMessageCount:N0} vs {options.LargeMessageCount:N0} messages, not 10k vs 1M" : string.Empty));
            foreach (var size in new long[] { options.SmallMessageCount, options.LargeMessageCount })
            {
                Progress($"loading {size:N0} messages");
                var loadTime = await dataset.GrowToAsync(size);
                Progress("listing conversations");
                var result = await ConversationListBenchmark.RunAsync(host, dataset, loadTime, options);
                Say($"    at {size,9:N0} messages: {result.Latencies.Summary()}; {result.Conversations} conversations per page; "
                    + $"loaded + VACUUM ANALYZE in {loadTime.TotalSeconds:F1} s");
                (small, large) = small is null ? (result, null) : (small, result);
            }

            Say();
        }

        Say("Summary");
        if (send is not null)
        {
            Say($"    REST send:        {send.PerSecond,8:F0} msg/s, p50 {send.Latencies.P50:F2} ms, p99 {send.Latencies.P99:F2} ms");
        }

        if (hub is not null)
        {
            Say($"    hub delivery:     p50 {hub.Delivery.P50:F2} ms, p99 {hub.Delivery.P99:F2} ms");
        }

        if (ceiling is not null)
        {
            Say($"    SQL ceiling:      {ceiling.PerSecond,8:F0} tx/s,  p50 {ceiling.Latencies.P50:F2} ms, p99 {ceiling.Latencies.P99:F2} ms");
        }

        if (send is not null && ceiling is not null)
        {
            var ratio = send.PerSecond / ceiling.PerSecond;
            Say($"    send / ceiling:   {ratio:F2} (target >= {SendTarget:F1}): {(ratio >= SendTarget ? "PASS" : "BELOW TARGET")}");
        }

        if (small is not null && large is not null)
        {
            var ratio = large.Latencies.P50 / small.Latencies.P50;
            Say($"    list p50 {Short(large.Messages)} / {Short(small.Messages)}: {ratio:F2} ({large.Latencies.P50:F2} ms / {small.Latencies.P50:F2} ms, "
                + $"target <= {ListTarget:F1}): {(ratio <= ListTarget ? "PASS" : "ABOVE TARGET")}");
        }

        Say($"    total time:       {total.Elapsed.TotalSeconds:F0} s");
        return 0;

        void PrintLoad(LoadResult result, string unit)
        {
            Say($"    {unit}: {result.Latencies.Count}, errors: {result.Errors}{(result.FirstError is { } e ? $" (first: {e})" : string.Empty)}");
            Say($"    throughput: {result.PerSecond:F0} {unit}/s");
            Say($"    latency: {result.Latencies.Summary()}");
            Say();
        }

        static string Short(long count) => count >= 1_000_000 && count % 1_000_000 == 0 ? $"{count / 1_000_000}M" : $"{count / 1000}k";
    }
}
