using Astegni.Chat.Infrastructure.Legacy;

namespace Astegni.Chat.Api.Verbs;

/// <summary><c>verify</c>: checks the upgrade's post-conditions; exits 1 and lists them when any is broken.</summary>
internal static class VerifyVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (VerbConfiguration.ConnectionString(VerbConfiguration.Load(args)) is not { } connectionString)
        {
            return 2;
        }

        var violations = await new UpgradeVerifier(connectionString).RunAsync();
        foreach (var violation in violations)
        {
            Console.WriteLine(violation);
        }

        Console.WriteLine(violations.Count == 0 ? "verify: every post-condition holds" : $"verify: {violations.Count} violation(s)");
        return violations.Count == 0 ? 0 : 1;
    }
}
