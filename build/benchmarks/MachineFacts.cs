using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Npgsql;

namespace Astegni.Chat.Benchmarks;

/// <summary>What the figures were taken on, printed first so results can be recorded with them.</summary>
public static class MachineFacts
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(string serverConnectionString)
    {
        var lines = new List<string>
        {
            $"machine:    {Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGiB()} GiB memory, {OsName()}",
            $".NET:       {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture}), "
            + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC",
        };

        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT version(),
                   string_agg(name || '=' || setting || coalesce(unit, ''), ' ' ORDER BY name)
            FROM pg_settings
            WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'wal_level', 'max_wal_size', 'work_mem')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var version = reader.GetString(0);
        lines.Add($"PostgreSQL: {version[..(version.IndexOf(" on ", StringComparison.Ordinal) is > 0 and var end ? end : version.Length)]}, "
                  + $"on 127.0.0.1, same machine");
        lines.Add($"settings:   {reader.GetString(1)}");
        return lines;
    }

    private static string CpuModel() =>
        ReadLines("/proc/cpuinfo")
            .Where(l => l.StartsWith("model name", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault() ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static string MemoryGiB()
    {
        var line = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return kib is not null && long.TryParse(kib, CultureInfo.InvariantCulture, out var value)
            ? (value / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture)
            : "?";
    }

    private static string OsName() =>
        ReadLines("/etc/os-release")
            .Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            .Select(l => l["PRETTY_NAME=".Length..].Trim('"'))
            .FirstOrDefault() ?? RuntimeInformation.OSDescription;

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
