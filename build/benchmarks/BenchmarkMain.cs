using System.Diagnostics;
using System.Globalization;
using Astegni.Chat.TestSupport.Legacy;

namespace Astegni.Chat.Benchmarks;

/// <summary>build/bench runs this with a private PostgreSQL; docs/benchmarks.md says what each figure means.</summary>
internal static class BenchmarkMain
{
    private const double SendTarget = 0.5;
    private const double ListTarget = 1.5;
    private const int ViewerSends = 50_000;
    private const double ViewerSentTarget = 1.2;
    private const double MigrationTarget = 3;

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
        Say($"Astegni Chat benchmark ({options.Mode} run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        foreach (var line in await MachineFacts.DescribeAsync(options.ServerConnectionString))
        {
            Say(line);
        }

        Say();
        var results = new Results();
        if (options.Runs("send") || options.Runs("hub") || options.Runs("ceiling"))
        {
            await RunMessagingAsync(options, results);
        }

        if (options.Runs("list") || options.Runs("search"))
        {
            await RunListAsync(options, results);
        }

        if (options.Runs("migrate"))
        {
            await RunMigrationAsync(options, results);
        }

        if (options.Runs("scale"))
        {
            await RunScaleOutAsync(options, results);
        }

        PrintSummary(results, total.Elapsed);
        return 0;
    }

    private static async Task RunMessagingAsync(BenchOptions options, Results results)
    {
        await using var database = await BenchDatabase.CreateAsync(options.ServerConnectionString, "chat_bench_send");
        var cpu = await CpuMonitor.CreateAsync(database.DataSource);
        await using var host = new BenchHost(database.ConnectionString);
        using var fixture = await SendFixture.CreateAsync(host, database, options.Concurrency);
        var load = $"{options.Concurrency} concurrent, {options.Duration.TotalSeconds:0.#} s";

        if (options.Runs("send"))
        {
            Progress("REST send (warming up)");
            results.Send = await SendBenchmark.RunAsync(fixture, options, cpu);
            Say($"[a] REST send: POST /api/chat/messages over HTTP, each sender a different user in its own direct chat ({load})");
            PrintLoad(results.Send, "messages", options.LoadWarmup);
        }

        if (options.Runs("hub"))
        {
            Progress("send -> hub delivery");
            var hub = results.Hub = await HubDeliveryBenchmark.RunAsync(host, fixture, options, cpu);
            Say("[b] Send -> hub delivery: one message at a time, the recipient listening on /hubs/chat over WebSockets");
            Say($"    POST -> message_created event: {hub.Delivery.Summary()}");
            Say($"    POST -> HTTP 201 response:     {hub.Post.Summary()}");
            Say($"    {hub.Warmup.Describe(options.SequentialWarmup)}");
            PrintCpu(hub.Cpu);
            Say();
        }

        if (options.Runs("ceiling"))
        {
            Progress("raw SQL ceiling (warming up)");
            results.Ceiling = await CeilingBenchmark.RunAsync(database, fixture, options, cpu);
            Say($"[c] Ceiling: BEGIN; INSERT chat_messages; UPDATE conversations; COMMIT straight through Npgsql ({load})");
            PrintLoad(results.Ceiling, "transactions", options.LoadWarmup);
        }
    }

    private static async Task RunListAsync(BenchOptions options, Results results)
    {
        await using var database = await BenchDatabase.CreateAsync(options.ServerConnectionString, "chat_bench_list");
        var cpu = await CpuMonitor.CreateAsync(database.DataSource);
        await using var host = new BenchHost(database.ConnectionString);
        var dataset = new ListDataset(database, options.ListConversations);
        Progress($"creating {dataset.ConversationCount:N0} conversations");
        await dataset.CreateConversationsAsync();

        Say($"[d] Conversation list: GET /api/chat/conversations (default limit), one request at a time, for a user in "
            + $"{options.ListConversations:N0} direct chats; {dataset.ConversationCount:N0} conversations in all");
        if (options.Quick)
        {
            Say($"    quick run: {options.SmallMessageCount:N0} vs {options.LargeMessageCount:N0} messages (a full run compares 10k with 1M)");
        }

        foreach (var size in new long[] { options.SmallMessageCount, options.LargeMessageCount })
        {
            Progress($"loading messages up to {size:N0}");
            var loadTime = await dataset.GrowToAsync(size);
            Progress("listing conversations");
            var result = await ConversationListBenchmark.RunAsync(host, dataset, loadTime, options, cpu);
            Say($"    at {size,9:N0} messages: {result.Latencies.Summary()}");
            Say($"        {result.Conversations} conversations per page; messages loaded + VACUUM ANALYZE in {loadTime.TotalSeconds:F1} s; "
                + result.Warmup.Describe(options.SequentialWarmup));
            PrintCpu(result.Cpu, "        ");
            if (results.ListSmall is null)
            {
                results.ListSmall = result;
            }
            else
            {
                results.ListLarge = result;
            }
        }

        if (results.ListLarge is { } before)
        {
            Progress($"the viewer sends {ViewerSends:N0} messages without reading");
            var loadTime = await dataset.ViewerSendsAsync(ViewerSends);
            var after = await ConversationListBenchmark.RunAsync(host, dataset, loadTime, options, cpu);
            results.ListAfterViewerSent = after;
            Say($"    after the viewer sent {ViewerSends:N0} messages into one chat, reading none: {after.Latencies.Summary()}");
            Say($"        p50 {after.Latencies.P50 / before.Latencies.P50:F2}x the list before (target: unaffected, <= {ViewerSentTarget:F1}x)");
        }

        Say();
        if (options.Runs("search"))
        {
            Progress("searching messages");
            results.Search = await SearchBenchmark.RunAsync(host, dataset, options);
            Say($"[e] Message search: GET /api/chat/messages/search, one request at a time, for the same user at {dataset.MessageCount:N0} messages");
            foreach (var search in results.Search)
            {
                Say($"    q={search.Query,-10} {search.Latencies.Summary()}");
            }

            Say();
        }
    }

    private static async Task RunMigrationAsync(BenchOptions options, Results results)
    {
        var full = options.Quick ? new LegacySize(1_000, 10_000, 100_000) : LegacySize.Benchmark;
        var tenth = new LegacySize(full.Users / 10, full.Conversations / 10, full.Messages / 10);
        Say($"[f] Legacy upgrade: `migrate` on a generated profile-era database, against one rewrite of chat_messages (CREATE TABLE AS SELECT)");
        foreach (var size in new[] { tenth, full })
        {
            Progress($"generating a legacy database: {size.Users:N0} users, {size.Conversations:N0} conversations, {size.Messages:N0} messages");
            var run = await MigrationBenchmark.RunAsync(options.ServerConnectionString, size);
            results.Migrations.Add(run);
            Say($"    {size.Users:N0} users, {size.Conversations:N0} conversations, {size.Messages:N0} messages (generated in {run.Generate.TotalSeconds:F0} s)");
            Say($"        floor {run.Floor.TotalSeconds:F2} s, migrate {run.Migrate.TotalSeconds:F2} s, ratio {run.Ratio:F1}, migrator peak memory {run.PeakMemoryBytes / 1048576.0:F0} MiB");
            Say("        steps (ms): " + string.Join(", ", run.Steps.Select(s => $"{s.Step} {s.Milliseconds}")));
        }

        if (results.Migrations.Count == 2)
        {
            var (small, large) = (results.Migrations[0], results.Migrations[1]);
            Say("    growth per step at 10x the data (linear = 10x):");
            foreach (var (step, ms) in large.Steps)
            {
                var before = small.Steps.FirstOrDefault(s => s.Step == step).Milliseconds;
                Say($"        {step,-36} {(before == 0 ? "-" : $"{(double)ms / before:F1}x")}");
            }
        }

        Say();
    }

    private static async Task RunScaleOutAsync(BenchOptions options, Results results)
    {
        var scale = results.Scale = await ScaleOutBenchmark.RunAsync(options);
        Say("[g] Several instances: the service's executable in processes of its own, one database, one Redis, HAProxy in front");
        foreach (var pair in scale.Delivery)
        {
            Say($"    send -> hub delivery at {pair.OneInstance.Rate} messages/s (open loop, 20 senders):");
            Say($"        one instance, no Redis:           {Delivery(pair.OneInstance)}");
            Say($"        sent to instance 2, heard on 1:   {Delivery(pair.AcrossInstances)}");
        }

        var idle = scale.Idle;
        Say($"    {idle.Count:N0} idle hub connections on one instance through two HAProxy processes (opened in {idle.ConnectTime.TotalSeconds:F0} s):");
        Say($"        instance RSS {idle.BaselineBytes / 1048576.0:F0} MiB before, {idle.HoldingBytes / 1048576.0:F0} MiB holding them "
            + $"({idle.BytesPerConnection / 1024:F0} KiB per connection; target < 1 GiB at 10,000)");
        Say($"    REST send through HAProxy ({options.Concurrency} concurrent, {options.Duration.TotalSeconds:0.#} s each):");
        foreach (var run in scale.Throughput)
        {
            Say($"        {run.Instances} instance(s){(run.Redis ? " on Redis" : ", no Redis")}: {run.Load.PerSecond,6:F0} msg/s, "
                + $"{run.Load.Latencies.Summary()}, errors {run.Load.Errors}");
        }

        Say();
    }

    private static string Delivery(DeliveryAtRate run) =>
        $"{run.Latencies.Summary()}, never heard {run.Lost}, refused {run.Refused}{(run.FirstRefusal is { } first ? $" (first: {first})" : string.Empty)}";

    private static void PrintSummary(Results results, TimeSpan elapsed)
    {
        Say("Summary");
        if (results.Send is { } send)
        {
            Row("REST send", $"{send.PerSecond,7:F0} msg/s", send.Latencies);
        }

        if (results.Hub is { } hub)
        {
            Row("hub delivery", string.Empty, hub.Delivery);
        }

        if (results.Ceiling is { } ceiling)
        {
            Row("SQL ceiling", $"{ceiling.PerSecond,7:F0} tx/s", ceiling.Latencies);
        }

        if (results.Send is { } s && results.Ceiling is { } c)
        {
            var ratio = s.PerSecond / c.PerSecond;
            Say($"    {"send / ceiling",-22}{ratio:F2} (target >= {SendTarget:F1}): {(ratio >= SendTarget ? "PASS" : "BELOW TARGET")}");
        }

        if (results.ListSmall is { } small && results.ListLarge is { } large)
        {
            var ratio = large.Latencies.P50 / small.Latencies.P50;
            Row($"list at {Short(small.Messages)}", string.Empty, small.Latencies);
            Row($"list at {Short(large.Messages)}", string.Empty, large.Latencies);
            Say($"    {$"list p50 {Short(large.Messages)}/{Short(small.Messages)}",-22}{ratio:F2} (target <= {ListTarget:F1}): {(ratio <= ListTarget ? "PASS" : "ABOVE TARGET")}");
            if (results.ListAfterViewerSent is { } sent)
            {
                var own = sent.Latencies.P50 / large.Latencies.P50;
                Row($"list, {Short(ViewerSends)} own sent", string.Empty, sent.Latencies);
                Say($"    {"list p50 own/before",-22}{own:F2} (target <= {ViewerSentTarget:F1}): {(own <= ViewerSentTarget ? "PASS" : "ABOVE TARGET")}");
            }
        }

        foreach (var search in results.Search ?? [])
        {
            Row($"search q={search.Query}", string.Empty, search.Latencies);
        }

        if (results.Migrations.Count > 0)
        {
            var run = results.Migrations[^1];
            Say($"    {"migrate / floor",-22}{run.Ratio:F1} (target <= {MigrationTarget:F1}): {(run.Ratio <= MigrationTarget ? "PASS" : "ABOVE TARGET")}"
                + $"  ({run.Size.Messages:N0} messages: {run.Migrate.TotalSeconds:F1} s vs {run.Floor.TotalSeconds:F2} s; peak memory {run.PeakMemoryBytes / 1048576.0:F0} MiB)");
        }

        if (results.Scale is { } scale)
        {
            foreach (var pair in scale.Delivery)
            {
                Row("hub delivery, 1 inst.", $"{pair.OneInstance.Rate} msg/s", pair.OneInstance.Latencies);
                Row("hub delivery, across", $"{pair.AcrossInstances.Rate} msg/s", pair.AcrossInstances.Latencies);
            }

            var holding = scale.Idle.HoldingBytes / 1048576.0;
            Say($"    {$"{scale.Idle.Count / 1000}k idle connections",-22}{holding:F0} MiB RSS (target < 1024 at 10k): {(holding < 1024 ? "PASS" : "ABOVE TARGET")}");
            foreach (var run in scale.Throughput)
            {
                Row($"send, {run.Instances} inst.{(run.Redis ? " Redis" : "")}", $"{run.Load.PerSecond,7:F0} msg/s", run.Load.Latencies);
            }
        }

        var disturbed = new[] { results.Send?.Cpu, results.Hub?.Cpu, results.Ceiling?.Cpu, results.ListSmall?.Cpu, results.ListLarge?.Cpu }
            .Any(u => u?.Disturbed == true);
        if (disturbed)
        {
            Say($"    WARNING: other processes used more than {CpuUsage.DisturbedAbove:F0}% of a core during a measurement (see the cpu lines): rerun on a quiet machine");
        }

        Say($"    {"total time",-22}{elapsed.TotalSeconds:F0} s");
    }

    private static void PrintLoad(LoadResult result, string unit, WarmupPolicy policy)
    {
        Say($"    {unit}: {result.Latencies.Count}, errors: {result.Errors}{(result.FirstError is { } e ? $" (first: {e})" : string.Empty)}");
        Say($"    throughput: {result.PerSecond:F0} {unit}/s (per {LoadResult.WindowSeconds} s window: "
            + $"{(result.WindowRates.Count == 0 ? "-" : $"{result.WindowRates.Min():F0} to {result.WindowRates.Max():F0}")})");
        Say($"    latency: {result.Latencies.Summary()}");
        Say($"    {result.Warmup.Describe(policy)}");
        PrintCpu(result.Cpu);
        Say();
    }

    private static void Row(string label, string rate, Latencies latencies) =>
        Say($"    {label,-22}{rate,-16}p50 {latencies.P50,8:F2} ms   p99 {latencies.P99,8:F2} ms");

    private static void PrintCpu(CpuUsage? usage, string indent = "    ")
    {
        if (usage is not null)
        {
            Say(indent + usage);
        }
    }

    private static void Say(string line = "") => Console.Out.WriteLine(line);

    private static void Progress(string line) => Console.Error.WriteLine($"    ... {line}");

    private static string Short(long count) => count >= 1_000_000 && count % 1_000_000 == 0 ? $"{count / 1_000_000}M" : $"{count / 1000}k";

    private sealed class Results
    {
        public LoadResult? Send { get; set; }
        public HubDeliveryResult? Hub { get; set; }
        public LoadResult? Ceiling { get; set; }
        public ScaleOutResult? Scale { get; set; }
        public ListResult? ListSmall { get; set; }
        public ListResult? ListLarge { get; set; }

        public ListResult? ListAfterViewerSent { get; set; }
        public IReadOnlyList<SearchResult>? Search { get; set; }
        public List<MigrationRun> Migrations { get; } = [];
    }
}
