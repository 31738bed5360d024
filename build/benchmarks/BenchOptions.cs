using System.Globalization;

namespace Astegni.Chat.Benchmarks;

/// <summary>What to run and for how long. <c>--quick</c> is the smoke run used while developing.</summary>
public sealed record BenchOptions
{
    public const string ConnectionVariable = "CHAT_BENCH_CONNECTION";

    public static readonly string[] AllParts = ["send", "hub", "ceiling", "list", "search", "migrate", "scale"];

    public required string ServerConnectionString { get; init; }
    public bool Quick { get; init; }
    public int Concurrency { get; init; } = 16;
    /// <summary>Before each throughput figure: in a full run until the JIT settles (see <see cref="SteadyState"/>).</summary>
    public required WarmupPolicy LoadWarmup { get; init; }

    /// <summary>Before the one-at-a-time figures (hub delivery, conversation list).</summary>
    public required WarmupPolicy SequentialWarmup { get; init; }
    public TimeSpan Duration { get; init; }
    public int HubSamples { get; init; }
    public int ListSamples { get; init; }
    public TimeSpan ListTimeCap { get; init; }
    public int ListConversations { get; init; } = 1_000;
    public int SmallMessageCount { get; init; }
    public int LargeMessageCount { get; init; }
    public IReadOnlySet<string> Parts { get; init; } = new HashSet<string>(AllParts);

    public string Mode => Quick ? "quick" : "full";

    public bool Runs(string part) => Parts.Contains(part);

    public const string Usage = """
        Usage: build/bench [--quick] [--only send,hub,ceiling,list,search,migrate,scale] [--concurrency N] [--warmup SECONDS] [--duration SECONDS]
                           [--connection "Host=...;Port=...;Username=..."]
          --quick        short smoke run: 1 s warm-up, 2 s per throughput figure, 10k vs 100k messages
                         (a full run warms up until the JIT settles, up to 75 s per throughput figure)
          --only         run only these parts (default: all)
          --concurrency  concurrent senders for the send and ceiling figures (default 16)
          --warmup       fixed seconds of unmeasured load before each throughput figure
          --duration     seconds per throughput figure (default 10, quick 2)
          --connection   a PostgreSQL server the benchmark may create databases on
                         (default: $CHAT_BENCH_CONNECTION, which build/bench sets)
        """;

    public static BenchOptions? Parse(string[] args, TextWriter error)
    {
        var quick = args.Contains("--quick");
        var options = new BenchOptions
        {
            ServerConnectionString = Environment.GetEnvironmentVariable(ConnectionVariable) ?? string.Empty,
            Quick = quick,
            LoadWarmup = quick ? WarmupPolicy.Fixed(TimeSpan.FromSeconds(1)) : new WarmupPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(75), true),
            SequentialWarmup = quick ? WarmupPolicy.Fixed(TimeSpan.FromSeconds(1)) : new WarmupPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(25), true),
            Duration = TimeSpan.FromSeconds(quick ? 2 : 10),
            HubSamples = quick ? 50 : 300,
            ListSamples = quick ? 50 : 300,
            ListTimeCap = TimeSpan.FromSeconds(quick ? 5 : 20),
            SmallMessageCount = 10_000,
            LargeMessageCount = quick ? 100_000 : 1_000_000,
        };

        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--quick":
                        break;
                    case "--connection":
                        options = options with { ServerConnectionString = Value() };
                        break;
                    case "--concurrency":
                        options = options with { Concurrency = int.Parse(Value(), CultureInfo.InvariantCulture) };
                        break;
                    case "--warmup":
                        options = options with { LoadWarmup = WarmupPolicy.Fixed(TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture))) };
                        break;
                    case "--duration":
                        options = options with { Duration = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) };
                        break;
                    case "--only":
                        var parts = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        if (parts.Except(AllParts).FirstOrDefault() is { } unknown)
                        {
                            throw new ArgumentException($"unknown part '{unknown}' (parts: {string.Join(", ", AllParts)})");
                        }

                        options = options with { Parts = new HashSet<string>(parts) };
                        break;
                    case "-h" or "--help":
                        error.WriteLine(Usage);
                        return null;
                    default:
                        throw new ArgumentException($"unknown option {args[i]}");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                error.WriteLine(e.Message);
                error.WriteLine(Usage);
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(options.ServerConnectionString))
        {
            error.WriteLine($"No PostgreSQL server: pass --connection or set {ConnectionVariable} (build/bench does both for you).");
            return null;
        }

        if (options.Concurrency < 1 || options.Duration <= TimeSpan.Zero || options.LoadWarmup.Min < TimeSpan.Zero)
        {
            error.WriteLine("--concurrency and --duration must be positive, --warmup not negative.");
            return null;
        }

        return options;
    }
}
