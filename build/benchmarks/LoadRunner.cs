using System.Diagnostics;

namespace Astegni.Chat.Benchmarks;

/// <summary>Throughput and latency of a closed loop with a fixed number of concurrent workers.</summary>
public sealed record LoadResult(
    int Concurrency,
    TimeSpan Duration,
    WarmupOutcome Warmup,
    Latencies Latencies,
    IReadOnlyList<double> WindowRates,
    CpuUsage? Cpu,
    long Errors,
    string? FirstError)
{
    public const int WindowSeconds = 2;

    public double PerSecond => Latencies.Count / Duration.TotalSeconds;
}

public static class LoadRunner
{
    /// <summary>
    /// Runs <paramref name="concurrency"/> workers that each call <paramref name="operation"/> back to back:
    /// first while warming up (not counted), then for <paramref name="duration"/>. Operations started inside
    /// the measured window count; the ones still running at its end are awaited.
    /// </summary>
    public static async Task<LoadResult> RunAsync(
        int concurrency, WarmupPolicy warmup, TimeSpan duration, CpuMonitor? cpu, Func<int, long, Task> operation)
    {
        var measureFrom = long.MaxValue;
        var measureTo = long.MaxValue;
        var perWorker = new Latencies[concurrency];
        var windows = new int[(int)Math.Ceiling(duration.TotalSeconds / LoadResult.WindowSeconds) + 1];
        long errors = 0;
        string? firstError = null;

        async Task Worker(int worker)
        {
            var latencies = perWorker[worker] = new Latencies(16_384);
            for (long sequence = 0; ; sequence++)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= Volatile.Read(ref measureTo))
                {
                    return;
                }

                try
                {
                    await operation(worker, sequence);
                    var end = Stopwatch.GetTimestamp();
                    var from = Volatile.Read(ref measureFrom);
                    if (start >= from)
                    {
                        latencies.Add(start, end);
                        var window = (int)((start - from) / (Stopwatch.Frequency * LoadResult.WindowSeconds));
                        Interlocked.Increment(ref windows[Math.Min(window, windows.Length - 1)]);
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

        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(() => Worker(w))).ToArray();
        var warmedUp = await SteadyState.WaitAsync(warmup);
        var cpuFrom = cpu?.Take();
        var from = Stopwatch.GetTimestamp();
        Volatile.Write(ref measureTo, from + (long)(duration.TotalSeconds * Stopwatch.Frequency));
        Volatile.Write(ref measureFrom, from);
        await Task.WhenAll(workers);
        var usage = cpu is null || cpuFrom is null ? null : CpuMonitor.Between(cpuFrom.Value, cpu.Take());

        var whole = (int)(duration.TotalSeconds / LoadResult.WindowSeconds);
        var rates = windows.Take(whole).Select(count => count / (double)LoadResult.WindowSeconds).ToList();
        return new LoadResult(concurrency, duration, warmedUp, new Latencies(perWorker), rates, usage, errors, firstError);
    }
}
