using Astegni.Chat.Infrastructure.Persistence;

namespace Astegni.Chat.Api.Verbs;

/// <summary>Serves the API and hub. With <c>Database:MigrateOnStart=true</c> it first applies pending migrations.</summary>
internal static class ServeVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        var app = ChatHost.Build(args);
        if (app.Configuration.GetValue<bool>("Database:MigrateOnStart"))
        {
            await ChatDatabase.MigrateAsync(app.Configuration.GetConnectionString(ChatHost.ConnectionStringName)!);
        }

        await app.RunAsync();
        return 0;
    }
}
