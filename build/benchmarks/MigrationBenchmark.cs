using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Astegni.Chat.TestSupport;
using Astegni.Chat.TestSupport.Legacy;
using Npgsql;

namespace Astegni.Chat.Benchmarks;

public sealed record MigrationRun(
    LegacySize Size, TimeSpan Generate, TimeSpan Floor, TimeSpan Migrate, long PeakMemoryBytes, IReadOnlyList<(string Step, long Milliseconds)> Steps)
{
    public double Ratio => Migrate / Floor;
}

/// <summary>
/// The legacy upgrade on a generated profile-era database: `migrate`, run as the operator runs it (the
/// service's executable, its own process, so its peak memory can be read), against the floor of one
/// full rewrite of chat_messages (CREATE TABLE … AS SELECT * FROM chat_messages) on the same data.
/// </summary>
public static class MigrationBenchmark
{
    public static async Task<MigrationRun> RunAsync(string serverConnectionString, LegacySize size)
    {
        var generated = Stopwatch.StartNew();
        var database = await LegacyDataGenerator.CreateAsync("chat_bench_legacy", size, serverConnectionString);
        generated.Stop();

        var floor = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var copy = new NpgsqlCommand("CREATE TABLE bench_floor AS SELECT * FROM chat_messages", connection) { CommandTimeout = 0 };
            await copy.ExecuteNonQueryAsync();
            floor.Stop();
            await using var drop = new NpgsqlCommand("DROP TABLE bench_floor; CHECKPOINT", connection) { CommandTimeout = 0 };
            await drop.ExecuteNonQueryAsync();
        }

        var (elapsed, peak, json) = await RunMigrateAsync(database);
        using var report = JsonDocument.Parse(json);
        var steps = report.RootElement.GetProperty("step_milliseconds").EnumerateArray()
            .Select(s => (s.GetProperty("key").GetString()!, s.GetProperty("value").GetInt64()))
            .ToList();
        return new MigrationRun(size, generated.Elapsed, floor.Elapsed, elapsed, peak, steps);
    }

    private static async Task<(TimeSpan Elapsed, long PeakBytes, string Json)> RunMigrateAsync(string connectionString)
    {
        var start = new ProcessStartInfo("dotnet", ["Astegni.Chat.Api.dll", "migrate", "--json", "--legacy-time-zone", LegacyDatabase.TimeZone])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Chat"] = connectionString;
        start.Environment["CHAT_ENCRYPTION_KEY"] = LegacyDatabase.FernetKey;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ProcessMemory.ResidentBytes(process.Id, "VmHWM"));
            await Task.Delay(50);
        }

        await process.WaitForExitAsync();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"migrate failed ({process.ExitCode}): {await errors}");
        }

        return (watch.Elapsed, peak, await output);
    }
}
