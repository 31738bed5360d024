using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Common;

public static class UserErrors
{
    public static readonly Error NotFound = Error.NotFound("user_not_found", "No such user.");
}
