namespace Astegni.Chat.Benchmarks;

/// <summary>(a) POST /api/chat/messages over real HTTP: each worker is a different user writing into its own direct chat.</summary>
public static class SendBenchmark
{
    public static Task<LoadResult> RunAsync(SendFixture fixture, BenchOptions options, CpuMonitor? cpu) =>
        LoadRunner.RunAsync(options.Concurrency, options.LoadWarmup, options.Duration, cpu, (worker, sequence) =>
        {
            var pair = fixture.Senders[worker];
            return ChatCalls.SendAsync(pair.Client, pair.ConversationId, $"Benchmark message {sequence} from sender {worker}, plain text.");
        });
}
