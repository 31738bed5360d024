using Npgsql;

namespace Astegni.Chat.TestSupport;

/// <summary>
/// A PostgreSQL cluster of one test's own, in a temporary directory on a free port, that the test may stop
/// hard (<c>pg_ctl -m immediate</c>, a crash as far as clients can tell) and start again. The assembly's
/// shared cluster stays untouched. Durability settings are PostgreSQL's defaults: a crash must not lose
/// what was acknowledged. As root, initdb and pg_ctl run as the postgres OS user (they refuse root).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly int _port;

    private PrivatePostgres(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        _port = port;
    }

    public string ServerConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Include Error Detail=false";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .Where(path => File.Exists(Path.Combine(path, "initdb")))
            .OrderBy(path => int.Parse(Path.GetFileName(Path.GetDirectoryName(path))!, System.Globalization.CultureInfo.InvariantCulture))
            .LastOrDefault() ?? throw new InvalidOperationException("PostgreSQL is not installed (build/test installs it).");
        var directory = Path.Combine(Path.GetTempPath(), "astegni-chat-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        if (IsRoot)
        {
            await LocalProcesses.RunAsync("chown", "postgres", directory);
        }

        var cluster = new PrivatePostgres(bin, directory, LocalProcesses.FreePort());
        await cluster.RunPgAsync("initdb", "-D", cluster.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        await cluster.StartAgainAsync();
        return cluster;
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Starts the cluster (again) and waits until it accepts connections.</summary>
    public Task StartAgainAsync() =>
        RunPgAsync("pg_ctl", "-D", DataDirectory, "-w", "-t", "60", "-l", Path.Combine(_directory, "postgres.log"),
            "-o", $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c max_connections=100", "start");

    /// <summary>Stops the cluster at once, without a checkpoint, as a crash would; open connections break.</summary>
    public async Task StopImmediatelyAsync()
    {
        await RunPgAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunPgAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        Directory.Delete(_directory, recursive: true);
    }

    private Task RunPgAsync(string tool, params string[] arguments)
    {
        var program = Path.Combine(_bin, tool);
        return IsRoot ? LocalProcesses.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : LocalProcesses.RunAsync(program, arguments);
    }

}
