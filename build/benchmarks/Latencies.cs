using System.Diagnostics;
using System.Globalization;

namespace Astegni.Chat.Benchmarks;

/// <summary>Latency samples in milliseconds, with nearest-rank percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> _samples;

    public Latencies(int capacity = 1024) => _samples = new List<double>(capacity);

    public Latencies(IEnumerable<Latencies> parts) => _samples = parts.SelectMany(p => p._samples).ToList();

    public int Count => _samples.Count;

    public void Add(long startTimestamp, long endTimestamp) =>
        _samples.Add(Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMilliseconds);

    public void AddMilliseconds(double milliseconds) => _samples.Add(milliseconds);

    /// <summary>Nearest-rank percentile (0 &lt; p ≤ 100); NaN without samples.</summary>
    public double Percentile(double p)
    {
        if (_samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    public double P50 => Percentile(50);
    public double P99 => Percentile(99);
    public double Max => _samples.Count == 0 ? double.NaN : _samples.Max();

    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"p50 {P50:F2} ms, p99 {P99:F2} ms, max {Max:F2} ms ({Count} samples)");
}
