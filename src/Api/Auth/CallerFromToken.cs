using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Api.Auth;

public static class CallerFromToken
{
    /// <summary>The request's caller is the validated token's subject, never a request parameter.</summary>
    public static WebApplication UseCallerFromToken(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (ChatAuthentication.TryGetUserId(context.User, out var userId))
            {
                context.RequestServices.GetRequiredService<CurrentUser>().Set(new UserId(userId));
            }

            return next(context);
        });
        return app;
    }
}
