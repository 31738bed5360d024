using System.Globalization;
using Npgsql;

namespace Astegni.Chat.Benchmarks;

/// <summary>CPU used between two snapshots, in percent of one core (a 2-core machine has 200%).</summary>
public sealed record CpuUsage(double Cores, double ThisProcess, double Postgres, double Others, double Idle)
{
    /// <summary>Other processes above this share of one core mean the figures were disturbed.</summary>
    public const double DisturbedAbove = 10;

    public bool Disturbed => Others > DisturbedAbove;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"cpu (% of one core, {Cores * 100:F0}% in all): this process {ThisProcess:F0}%, PostgreSQL {Postgres:F0}%, other processes {Others:F0}%, idle {Idle:F0}%")
        + (Disturbed ? " -- DISTURBED: other processes competed for the CPU, figures are low" : string.Empty);
}

/// <summary>
/// Splits the machine's CPU time (Linux /proc) between this process (the service and the load generator),
/// the benchmark's PostgreSQL cluster (its postmaster, its children, and the children that already exited)
/// and everything else — other work on a shared machine that makes figures low.
/// </summary>
public sealed class CpuMonitor
{
    private readonly int _postmasterPid;

    private CpuMonitor(int postmasterPid) => _postmasterPid = postmasterPid;

    public readonly record struct Snapshot(long Busy, long Idle, long Own, long Postgres);

    /// <summary>A monitor for the cluster behind <paramref name="dataSource"/>; null unless it runs on this machine's /proc.</summary>
    public static async Task<CpuMonitor?> CreateAsync(NpgsqlDataSource dataSource)
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        await using var command = dataSource.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync())!;
        var fields = StatFields(backend);
        return fields is null ? null : new CpuMonitor(int.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    public Snapshot Take()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already inside user)
        var busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + (cpu.Length > 7 ? cpu[7] : 0);
        var idle = cpu[3] + cpu[4];

        var own = Jiffies(StatFields(Environment.ProcessId), withChildren: false);
        long postgres = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            if (pid == _postmasterPid)
            {
                postgres += Jiffies(StatFields(pid), withChildren: true);
            }
            else if (StatFields(pid) is { } fields && fields[1] == _postmasterPid.ToString(CultureInfo.InvariantCulture))
            {
                postgres += Jiffies(fields, withChildren: false);
            }
        }

        return new Snapshot(busy, idle, own, postgres);
    }

    public static CpuUsage Between(Snapshot from, Snapshot to)
    {
        var total = Math.Max(1, to.Busy + to.Idle - from.Busy - from.Idle);
        double Share(long jiffies) => Math.Max(0, jiffies) * 100.0 * Environment.ProcessorCount / total;
        var own = to.Own - from.Own;
        var postgres = to.Postgres - from.Postgres;
        return new CpuUsage(
            Environment.ProcessorCount,
            Share(own),
            Share(postgres),
            Share(to.Busy - from.Busy - own - postgres),
            Share(to.Idle - from.Idle));
    }

    // Fields of /proc/PID/stat from the third (state) on: [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime.
    private static string[]? StatFields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
    }

    private static long Jiffies(string[]? fields, bool withChildren)
    {
        if (fields is null)
        {
            return 0;
        }

        long Field(int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
        return Field(11) + Field(12) + (withChildren ? Field(13) + Field(14) : 0);
    }
}
