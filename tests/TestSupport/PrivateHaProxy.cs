using System.Diagnostics;

namespace Astegni.Chat.TestSupport;

/// <summary>
/// A load balancer of the tests' own (Debian's <c>haproxy</c>, which build/test installs) on a free port, in
/// front of the given instances, as <c>build/run --instances</c> runs it: WebSockets through, health checked
/// every half second so a dead instance leaves the rotation at once.
/// </summary>
public sealed class PrivateHaProxy : IAsyncDisposable
{
    private readonly string _directory;
    private readonly Process _process;

    private PrivateHaProxy(string directory, Process process, Uri address)
    {
        _directory = directory;
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The first instance takes everything while it is up; the others are its backups.</summary>
    public static Task<PrivateHaProxy> StartAsync(params Uri[] instances) => StartAsync(instances, roundRobin: false);

    /// <summary>Every instance in turn (round-robin), as <c>build/run --instances</c> balances.</summary>
    public static Task<PrivateHaProxy> StartRoundRobinAsync(params Uri[] instances) => StartAsync(instances, roundRobin: true);

    private static async Task<PrivateHaProxy> StartAsync(Uri[] instances, bool roundRobin)
    {
        var directory = Path.Combine(Path.GetTempPath(), "astegni-chat-haproxy-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var port = LocalProcesses.FreePort();
        var servers = instances.Select((instance, i) =>
            $"    server instance{i + 1} {instance.Host}:{instance.Port} check inter 500ms fall 2 rise 1{(i == 0 || roundRobin ? "" : " backup")}");
        var configuration = Path.Combine(directory, "haproxy.cfg");
        await File.WriteAllTextAsync(configuration, $"""
            global
                log stderr format raw local0 warning
                # Each connection is two sockets here, and this machine allows 20,000 descriptors a process.
                maxconn 9000
            defaults
                mode http
                timeout connect 2s
                timeout client 60s
                timeout server 60s
                timeout tunnel 1h
                # A fresh instance on a busy machine can take seconds over its first answer; without this the check
                # times out at 'inter' and marks it down. A dead instance refuses at once, so failover is not slowed.
                timeout check 5s
                retries 3
                option redispatch
            frontend chat
                bind 127.0.0.1:{port}
                maxconn 9000
                default_backend instances
            backend instances
                balance roundrobin
                option httpchk GET /health/live
            {string.Join('\n', servers)}

            """);
        var start = new ProcessStartInfo("haproxy") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(configuration);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var proxy = new PrivateHaProxy(directory, process, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await LocalProcesses.ListensAsync(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"haproxy did not start on port {port} (exited: {process.HasExited}).");
            }

            await Task.Delay(50);
        }

        return proxy;
    }

    public ValueTask DisposeAsync() => new(LocalProcesses.StopAsync(_process, _directory));
}
