using System.Diagnostics;

namespace Astegni.Chat.Benchmarks;

/// <summary>Throughput and latency of a closed loop with a fixed number of concurrent workers.</summary>
public sealed record LoadResult(int Concurrency, TimeSpan Duration, Latencies Latencies, long Errors, string? FirstError)
{
    public double PerSecond => Latencies.Count / Duration.TotalSeconds;
}

public static class LoadRunner
{
    /// <summary>
    /// Runs <paramref name="concurrency"/> workers that each call <paramref name="operation"/> back to back:
    /// first for <paramref name="warmup"/> (not counted), then for <paramref name="duration"/>. Operations
    /// started inside the measured window count; the ones still running at its end are awaited.
    /// </summary>
    public static async Task<LoadResult> RunAsync(
        int concurrency, TimeSpan warmup, TimeSpan duration, Func<int, long, Task> operation)
    {
        var begin = Stopwatch.GetTimestamp();
        var measureFrom = begin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perWorker = new Latencies[concurrency];
        long errors = 0;
        string? firstError = null;

        async Task Worker(int worker)
        {
            var latencies = perWorker[worker] = new Latencies(16_384);
            for (long sequence = 0; ; sequence++)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= measureTo)
                {
                    return;
                }

                try
                {
                    await operation(worker, sequence);
                    var end = Stopwatch.GetTimestamp();
                    if (start >= measureFrom)
                    {
                        latencies.Add(start, end);
                    }
                }
#pragma warning disable CA1031 // every failure is counted and the first one reported
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
                    await Task.Delay(10);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(() => Worker(w))));
        return new LoadResult(concurrency, duration, new Latencies(perWorker), errors, firstError);
    }
}
