using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;

namespace Astegni.Chat.TestSupport;

/// <summary>
/// An S3-compatible store of the tests' own: npm's s3rver (which build/test installs into
/// <c>.data/tools/s3rver</c> of the repository, or <c>CHAT_TEST_S3RVER</c> names), on a free port with its
/// buckets in a temporary directory, removed on dispose.
/// </summary>
public sealed class PrivateObjectStore : IAsyncDisposable
{
    /// <summary>s3rver's one account.</summary>
    public const string AccessKey = "S3RVER";

    public const string SecretKey = "S3RVER";

    public const string Region = "us-east-1";

    private const string ProgramVariable = "CHAT_TEST_S3RVER";

    private readonly string _directory;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PrivateObjectStore(string directory, int port, Process process)
    {
        _directory = directory;
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>The <c>Media:Storage</c> and <c>Media:S3:*</c> settings of a service that keeps media in <paramref name="bucket"/> here.</summary>
    public Dictionary<string, string> MediaSettings(string bucket) => new()
    {
        ["Media:Storage"] = "s3",
        ["Media:S3:Endpoint"] = Endpoint,
        ["Media:S3:Bucket"] = bucket,
        ["Media:S3:Region"] = Region,
        ["Media:S3:AccessKey"] = AccessKey,
        ["Media:S3:SecretKey"] = SecretKey,
    };

    /// <summary>A client of this store, for tests to look at what is stored (the caller disposes it).</summary>
    public AmazonS3Client Client() => new(
        new BasicAWSCredentials(AccessKey, SecretKey),
        new AmazonS3Config
        {
            ServiceURL = Endpoint,
            AuthenticationRegion = Region,
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    /// <summary>The keys of every object in <paramref name="bucket"/>.</summary>
    public async Task<List<string>> KeysAsync(string bucket)
    {
        using var client = Client();
        var listed = await client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket });
        return [.. (listed.S3Objects ?? []).Select(o => o.Key)];
    }

    public static async Task<PrivateObjectStore> StartAsync()
    {
        var program = FindProgram();
        var directory = Path.Combine(Path.GetTempPath(), "astegni-chat-s3-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var port = LocalProcesses.FreePort();
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--directory", directory, "--address", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--silent", "--no-vhost-buckets" })
        {
            start.ArgumentList.Add(argument);
        }

        var store = new PrivateObjectStore(directory, port, Process.Start(start)!);
        store._process.OutputDataReceived += (_, line) => store.Remember(line.Data);
        store._process.ErrorDataReceived += (_, line) => store.Remember(line.Data);
        store._process.BeginOutputReadLine();
        store._process.BeginErrorReadLine();
        await store.WaitUntilListeningAsync();
        return store;
    }

    public ValueTask DisposeAsync() => new(LocalProcesses.StopAsync(_process, _directory));

    private static string FindProgram()
    {
        if (Environment.GetEnvironmentVariable(ProgramVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, ".data", "tools", "s3rver", "node_modules", ".bin", "s3rver");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"s3rver is not installed: build/test installs it (or: source build/lib/common.sh && ensure_s3rver), or set {ProgramVariable}.");
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await LocalProcesses.ListensAsync(Port))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                await DisposeAsync();
                throw new InvalidOperationException($"s3rver did not start on port {Port}: {Output()}");
            }

            await Task.Delay(100);
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
