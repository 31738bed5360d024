using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Policies;

/// <summary>The refusals the policies give. A person who is blocked is told only that the other is unavailable.</summary>
public static class PolicyErrors
{
    public static readonly Error RecipientUnavailable =
        Error.Forbidden("recipient_unavailable", "This person is not available to chat.");

    public static readonly Error YouBlockedRecipient =
        Error.Forbidden("you_blocked_recipient", "You blocked this person. Unblock them to chat.");

    public static readonly Error ConnectionsOnly =
        Error.Forbidden("recipient_accepts_connections_only", "This person only accepts messages from their connections.");

    public static readonly Error NotAccepting =
        Error.Forbidden("recipient_not_accepting_messages", "This person does not accept new messages.");
}
