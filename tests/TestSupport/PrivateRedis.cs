using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Astegni.Chat.TestSupport;

/// <summary>
/// A Redis server of the tests' own (Debian's <c>redis-server</c>, which build/test installs), on a free port
/// with a temporary directory and no persistence; it can be stopped and started again on the same port.
/// </summary>
public sealed class PrivateRedis : IAsyncDisposable
{
    private readonly string _directory;

    private PrivateRedis(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<PrivateRedis> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "astegni-chat-redis-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var redis = new PrivateRedis(directory, LocalProcesses.FreePort());
        await redis.StartAgainAsync();
        return redis;
    }

    public async Task StartAgainAsync()
    {
        await LocalProcesses.RunAsync("redis-server", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--daemonize", "yes", "--dir", _directory, "--pidfile", Path.Combine(_directory, "redis.pid"),
            "--logfile", Path.Combine(_directory, "redis.log"), "--save", "", "--appendonly", "no");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await AnswersPingAsync())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server did not start on port {Port}.");
            }

            await Task.Delay(50);
        }
    }

    public async Task StopAsync()
    {
        await LocalProcesses.RunAsync("redis-cli", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "shutdown", "nosave");
        while (await AnswersPingAsync())
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Empties every key (between tests).</summary>
    public Task FlushAsync() => LocalProcesses.RunAsync("redis-cli", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "flushall");

    public async ValueTask DisposeAsync()
    {
        if (await AnswersPingAsync())
        {
            await StopAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

}
