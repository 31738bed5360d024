using System.Globalization;

namespace Astegni.Chat.TestSupport;

/// <summary>A process's memory as Linux reports it in <c>/proc/PID/status</c>.</summary>
public static class ProcessMemory
{
    /// <summary>
    /// The field in bytes: <c>VmRSS</c> (resident now) or <c>VmHWM</c> (the high-water mark); 0 once the
    /// process is gone.
    /// </summary>
    public static long ResidentBytes(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
