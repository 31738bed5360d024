using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Astegni.Chat.Infrastructure.Persistence;

public static class ChatDbContextOptions
{
    public static DbContextOptionsBuilder<ChatDbContext> Configure(DbContextOptionsBuilder<ChatDbContext> builder, string connectionString) =>
        builder
            .UseNpgsql(ModuleConnection.Mark(connectionString), npgsql => npgsql.MigrationsHistoryTable("__chat_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .ConfigureWarnings(warnings => warnings.Log(FailuresLoggedByTheirCaller));

    // EF Core writes each failed command, connection, transaction and save as an error of its own (so one
    // request during a database outage wrote four stack traces). The failure reaches the caller, which
    // logs it once: a warning line for an outage, an error with the stack trace for a bug.
    private static readonly (EventId, LogLevel)[] FailuresLoggedByTheirCaller =
    [
        (RelationalEventId.CommandError, LogLevel.Debug),
        (RelationalEventId.ConnectionError, LogLevel.Debug),
        (RelationalEventId.TransactionError, LogLevel.Debug),
        (CoreEventId.QueryIterationFailed, LogLevel.Debug),
        (CoreEventId.SaveChangesFailed, LogLevel.Debug),
    ];
}
