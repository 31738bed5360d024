using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Api.Auth;

/// <summary>The caller is the validated token's subject, never a request parameter.</summary>
internal sealed class ClaimsCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public UserId Id =>
        accessor.HttpContext is { } context && ChatAuthentication.TryGetUserId(context.User, out var id)
            ? new UserId(id)
            : throw new InvalidOperationException("No authenticated user on this request.");
}
