using System.Diagnostics;
using Astegni.Chat.Infrastructure.Legacy;
using Npgsql;

namespace Astegni.Chat.Api.Verbs;

/// <summary>
/// <c>migrate [--dry-run] [--json] [--legacy-time-zone ZONE] [--backup FILE]</c>: upgrades the configured
/// database (legacy, fresh or already upgraded) and prints the report. The legacy encryption key comes
/// from <c>Legacy:ChatEncryptionKey</c> or the legacy <c>CHAT_ENCRYPTION_KEY</c> environment variable.
/// </summary>
internal static class MigrateVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = VerbConfiguration.Load(args);
        if (VerbConfiguration.ConnectionString(configuration) is not { } connectionString)
        {
            return 2;
        }

        var dryRun = args.Contains("--dry-run");
        var backup = VerbConfiguration.Option(args, "--backup");
        if (backup is not null && !dryRun && !await BackupAsync(connectionString, backup))
        {
            await Console.Error.WriteLineAsync("The backup failed: nothing was changed.");
            return 1;
        }

        var options = new UpgradeOptions(
            DryRun: dryRun,
            LegacyTimeZone: VerbConfiguration.Option(args, "--legacy-time-zone"),
            LegacyEncryptionKey: configuration["Legacy:ChatEncryptionKey"] ?? Environment.GetEnvironmentVariable("CHAT_ENCRYPTION_KEY"));
        var report = await new LegacyUpgrade(connectionString).RunAsync(options);
        Console.WriteLine(args.Contains("--json") ? report.ToJson() : report.ToText());
        return report.Outcome.StartsWith("refused", StringComparison.Ordinal) ? 1 : 0;
    }

    /// <summary>pg_dump of the whole database, before anything changes.</summary>
    private static async Task<bool> BackupAsync(string connectionString, string file)
    {
        var pgDump = FindPgDump();
        if (pgDump is null)
        {
            await Console.Error.WriteLineAsync("pg_dump was not found (install postgresql-client).");
            return false;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(pgDump, ["--format=custom", "--file", file, "--no-password"])
        {
            RedirectStandardError = true,
        };
        start.Environment["PGHOST"] = builder.Host;
        start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = builder.Username;
        start.Environment["PGDATABASE"] = builder.Database;
        if (builder.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            await Console.Error.WriteLineAsync(errors);
            return false;
        }

        Console.WriteLine($"backup written to {file}");
        return true;
    }

    private static string? FindPgDump() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "bin", "pg_dump")).FirstOrDefault(File.Exists)
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
                .Select(d => Path.Combine(d, "pg_dump")).FirstOrDefault(File.Exists);
}
