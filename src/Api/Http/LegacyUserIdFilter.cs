using Astegni.Chat.Api.Auth;
using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Api.Http;

/// <summary>
/// Old clients still send <c>?user_id=</c>. It is accepted only when it names the caller; anything
/// else is an attempt to act as someone else and is refused.
/// </summary>
internal sealed class LegacyUserIdFilter : IEndpointFilter
{
    public static readonly Error Mismatch =
        Error.Forbidden("user_id_mismatch", "user_id must be your own user id; the token decides who you are.");

    /// <summary>
    /// An old client (Astegni's chat modal) names itself with <c>?user_id=</c> on its calls; new clients never
    /// send it. Where the old backend behaved differently (it marked a conversation read when its newest page
    /// was fetched), that behaviour is kept for old clients only.
    /// </summary>
    public static bool IsOldClient(HttpRequest request) => request.Query.ContainsKey("user_id");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Query.TryGetValue("user_id", out var claimed)
            && !(ChatAuthentication.TryGetUserId(http.User, out var caller)
                 && claimed.Count == 1
                 && int.TryParse(claimed[0], out var claimedId)
                 && claimedId == caller))
        {
            return ResultHttp.Problem(Mismatch);
        }

        return await next(context);
    }
}
