using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Infrastructure.Persistence;

public static class ChatDbContextOptions
{
    public static DbContextOptionsBuilder<ChatDbContext> Configure(DbContextOptionsBuilder<ChatDbContext> builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__chat_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
