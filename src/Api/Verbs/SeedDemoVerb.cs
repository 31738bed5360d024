using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Api.Verbs;

/// <summary><c>seed-demo</c>: applies migrations and loads the demo users and connections (idempotent).</summary>
internal static class SeedDemoVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = VerbConfiguration.Load(args);
        var connectionString = configuration.GetConnectionString(ChatHost.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync($"ConnectionStrings:{ChatHost.ConnectionStringName} is not set.");
            return 2;
        }

        var options = ChatDbContextOptions.Configure(new DbContextOptionsBuilder<ChatDbContext>(), connectionString).Options;
        await using var db = new ChatDbContext(options);
        await db.Database.MigrateAsync();
        var users = await DemoData.SeedAsync(db);
        foreach (var user in users)
        {
            Console.WriteLine($"demo user {user.Id}: {user.Name} <{user.Email}>");
        }

        return 0;
    }
}
