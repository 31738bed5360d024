using System.Globalization;
using Astegni.Chat.Api.Auth;

namespace Astegni.Chat.Api.Verbs;

/// <summary><c>token --user ID [--hours N]</c>: prints a token for local use, signed with the configured key.</summary>
internal static class TokenVerb
{
    public static int Run(string[] args)
    {
        if (!int.TryParse(VerbConfiguration.Option(args, "--user"), NumberStyles.None, CultureInfo.InvariantCulture, out var userId) || userId <= 0)
        {
            Console.Error.WriteLine("usage: token --user <user id> [--hours <lifetime, default 24>]");
            return 2;
        }

        var hours = double.TryParse(VerbConfiguration.Option(args, "--hours"), NumberStyles.Float, CultureInfo.InvariantCulture, out var h) ? h : 24;
        var jwt = JwtSettings.From(VerbConfiguration.Load(args));
        Console.WriteLine(TokenIssuer.Issue(jwt, userId, TimeSpan.FromHours(hours)));
        return 0;
    }
}
