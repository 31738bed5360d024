namespace Astegni.Chat.Api.Verbs;

/// <summary>The same configuration sources the service reads (appsettings, environment, command line).</summary>
internal static class VerbConfiguration
{
    public static IConfiguration Load(string[] args) =>
        WebApplication.CreateBuilder(args).Configuration;

    /// <summary>The configured connection string, or null after saying it is missing.</summary>
    public static string? ConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ChatHost.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.Error.WriteLine($"ConnectionStrings:{ChatHost.ConnectionStringName} is not set (env ConnectionStrings__{ChatHost.ConnectionStringName}).");
            return null;
        }

        return connectionString;
    }

    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
