using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Common;

public static class ConcurrencyErrors
{
    public static readonly Error Conflict = Error.Conflict(
        "conflict", "Someone changed this at the same moment, and trying again did not get through. Please try again.");
}
