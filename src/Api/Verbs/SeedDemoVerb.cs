using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Api.Verbs;

/// <summary><c>seed-demo</c>: applies migrations and loads the demo users and connections (idempotent).</summary>
internal static class SeedDemoVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (VerbConfiguration.ConnectionString(VerbConfiguration.Load(args)) is not { } connectionString)
        {
            return 2;
        }

        await ChatDatabase.MigrateAsync(connectionString);
        var options = ChatDbContextOptions.Configure(new DbContextOptionsBuilder<ChatDbContext>(), connectionString).Options;
        await using var db = new ChatDbContext(options);
        var users = await DemoData.SeedAsync(db);
        foreach (var user in users)
        {
            Console.WriteLine($"demo user {user.Id}: {user.Name} <{user.Email}>");
        }

        return 0;
    }
}
