using System.Diagnostics;
using System.Runtime;

namespace Astegni.Chat.Benchmarks;

/// <summary>How long to load the system before measuring.</summary>
/// <param name="UntilJitSettles">Keep warming up (between <paramref name="Min"/> and <paramref name="Max"/>) until the JIT is quiet.</param>
public sealed record WarmupPolicy(TimeSpan Min, TimeSpan Max, bool UntilJitSettles)
{
    public static WarmupPolicy Fixed(TimeSpan time) => new(time, time, false);
}

public sealed record WarmupOutcome(TimeSpan Elapsed, bool JitSettled, int Operations = 0)
{
    public string Describe(WarmupPolicy policy) =>
        $"{Elapsed.TotalSeconds:F0} s warm-up"
        + (Operations > 0 ? $" ({Operations} requests)" : string.Empty)
        + (!policy.UntilJitSettles ? string.Empty
            : JitSettled ? ", until the JIT settled"
            : $", JIT NOT SETTLED after {policy.Max.TotalSeconds:F0} s: figures may be low");
}

/// <summary>
/// Steady state for .NET: the service's code (ASP.NET Core, EF Core, Npgsql, SignalR, ours) starts as
/// quickly-jitted tier-0 code and is recompiled, optimised with profile data, by a background thread.
/// On a small, fully loaded machine that takes tens of seconds, during which throughput keeps climbing:
/// figures are taken only once the JIT has been quiet for a few seconds.
/// </summary>
public static class SteadyState
{
    public const int QuietSeconds = 3;
    public static readonly TimeSpan QuietJitPerSecond = TimeSpan.FromMilliseconds(20);

    /// <summary>Waits, while the caller's load runs, for <paramref name="policy"/> to be met.</summary>
    public static async Task<WarmupOutcome> WaitAsync(WarmupPolicy policy)
    {
        var started = Stopwatch.GetTimestamp();
        var quiet = 0;
        var jit = JitInfo.GetCompilationTime();
        while (true)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed >= policy.Max)
            {
                return new WarmupOutcome(elapsed, !policy.UntilJitSettles);
            }

            if (elapsed >= policy.Min && (!policy.UntilJitSettles || quiet >= QuietSeconds))
            {
                return new WarmupOutcome(elapsed, true);
            }

            var step = policy.UntilJitSettles ? TimeSpan.FromSeconds(1) : policy.Min - elapsed;
            await Task.Delay(step < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : step);
            var now = JitInfo.GetCompilationTime();
            quiet = now - jit < QuietJitPerSecond ? quiet + 1 : 0;
            jit = now;
        }
    }

    /// <summary>Repeats <paramref name="operation"/> one at a time until <paramref name="policy"/> is met and it ran at least <paramref name="minimum"/> times.</summary>
    public static async Task<WarmupOutcome> WarmUpAsync(Func<Task> operation, int minimum, WarmupPolicy policy)
    {
        var stop = false;
        var count = 0;
        var loop = Task.Run(async () =>
        {
            while (!Volatile.Read(ref stop) || count < minimum)
            {
                await operation();
                count++;
            }
        });
        var outcome = await WaitAsync(policy);
        Volatile.Write(ref stop, true);
        await loop;
        return outcome with { Operations = count };
    }
}
