namespace Astegni.Chat.Api.Verbs;

/// <summary>The same configuration sources the service reads (appsettings, environment, command line).</summary>
internal static class VerbConfiguration
{
    public static IConfiguration Load(string[] args) =>
        WebApplication.CreateBuilder(args).Configuration;

    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
