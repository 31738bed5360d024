using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Api.Verbs;

/// <summary>Serves the API and hub. With <c>Database:MigrateOnStart=true</c> it first applies pending migrations.</summary>
internal static class ServeVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        var app = ChatHost.Build(args);
        if (app.Configuration.GetValue<bool>("Database:MigrateOnStart"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ChatDbContext>().Database.MigrateAsync();
        }

        await app.RunAsync();
        return 0;
    }
}
