using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Astegni.Chat.Api.Tests.Http;

/// <summary>One log entry as the service wrote it: level, category, the formatted line, whether a stack trace came with it.</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message, bool HasException);

/// <summary>Records every entry the service logs, at every level, for tests about what the logs say.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public IEnumerable<LogEntry> AtLeast(LogLevel level) => Entries.Where(entry => entry.Level >= level);

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception is not null));
    }
}

/// <summary>
/// A service on a real port whose logs are recorded. The connection string and signing key come from
/// the environment ChatApiFactory set for the assembly.
/// </summary>
public sealed class LoggedFactory : WebApplicationFactory<Program>
{
    private readonly RecordingLoggerProvider _logs;
    private readonly string _environment;

    // Development by default: what build/run serves, where the framework throws on a body it cannot read.
    public LoggedFactory(RecordingLoggerProvider logs, string environment = "Development")
    {
        _logs = logs;
        _environment = environment;
        UseKestrel(0);
    }

    public Uri ServerAddress
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(_logs));
    }
}
