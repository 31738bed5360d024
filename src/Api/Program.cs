using Astegni.Chat.Api;
using Astegni.Chat.Api.Verbs;

// The executable's verbs: none = serve; `token --user <id>` prints a token; `seed-demo` loads demo data;
// `migrate` upgrades the database (legacy or fresh); `verify` checks the upgrade's post-conditions.
return args.FirstOrDefault() switch
{
    "token" => TokenVerb.Run(args[1..]),
    "seed-demo" => await SeedDemoVerb.RunAsync(args[1..]),
    "migrate" => await MigrateVerb.RunAsync(args[1..]),
    "verify" => await VerifyVerb.RunAsync(args[1..]),
    _ => await ServeVerb.RunAsync(args),
};

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
