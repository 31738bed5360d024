using System.Diagnostics;
namespace Astegni.Chat.TestSupport;

/// <summary>
/// The service as it runs in production: its own process (the built <c>Astegni.Chat.Api.dll</c>, Production
/// environment), on a fixed port so a restarted one answers at the same address, and killable with SIGKILL
/// (no shutdown hooks, no flushing), as a crash or an out-of-memory kill would end it.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _signingKey;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _mediaRoot = Path.Combine(Path.GetTempPath(), "astegni-chat-media-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _process;

    /// <param name="settings">Configuration beyond the defaults here, by key (<c>Redis:Connection</c>).</param>
    public ServiceProcess(string connectionString, string signingKey, IReadOnlyDictionary<string, string>? settings = null)
    {
        _connectionString = connectionString;
        _signingKey = signingKey;
        _settings = settings ?? new Dictionary<string, string>();
        Address = new Uri($"http://127.0.0.1:{LocalProcesses.FreePort()}");
    }

    public Uri Address { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A client carrying <paramref name="token"/>.</summary>
    public HttpClient ClientWith(string token)
    {
        // A fresh process compiles every query on first use: on a busy 2-core machine a first request takes seconds.
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>The process's resident memory now (VmRSS), in bytes.</summary>
    public long ResidentBytes() => ProcessMemory.ResidentBytes(_process?.Id ?? throw new InvalidOperationException("Not running."), "VmRSS");

    /// <summary>Starts the service and waits until it answers <c>/health/ready</c> (it reaches its database).</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Astegni.Chat.Api.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = Address.ToString();
        start.Environment["ConnectionStrings__Chat"] = _connectionString;
        start.Environment["Jwt__SigningKey"] = _signingKey;
        start.Environment["RateLimits__Enabled"] = "false";
        start.Environment["Media__Root"] = _mediaRoot;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = Process.Start(start)!;
        // Drained so a full pipe never blocks the service.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && IsRunning)
        {
            try
            {
                using var ready = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The service did not start (exited: {!IsRunning}).");
    }

    /// <summary>SIGKILL: the process ends at once, mid-request, mid-transaction.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (Directory.Exists(_mediaRoot))
        {
            Directory.Delete(_mediaRoot, recursive: true);
        }
    }
}
