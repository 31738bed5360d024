using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Messages;

/// <summary>Refusals of actions on a message. A message the caller cannot see is <see cref="NotFound"/>, never forbidden.</summary>
public static class MessageErrors
{
    public static readonly Error NotFound = Error.NotFound("message_not_found", "No such message.");

    public static readonly Error NotAuthor = Error.Forbidden("not_message_author", "Only the author of this message can edit it.");

    public static readonly Error NotEditable =
        Error.Forbidden("message_not_editable", "Only text messages you wrote yourself (not forwards) can be edited.");

    public static readonly Error EditWindowPassed =
        Error.Forbidden("edit_window_passed", "This message is too old to be edited.");

    public static readonly Error DeleteNotAllowed =
        Error.Forbidden("delete_not_allowed", "Only the author of this message, or an admin of the group, can delete it for everyone.");

    public static readonly Error DeleteWindowPassed =
        Error.Forbidden("delete_window_passed", "This message is too old to be deleted for everyone; you can still delete it for yourself.");

    public static readonly Error Deleted = Error.Conflict("message_deleted", "This message was deleted.");

    public static readonly Error InvalidReaction =
        Error.Validation("invalid_reaction", $"A reaction is 1 to {Reaction.MaxLength} characters.");

    public static readonly Error PinNotAllowed =
        Error.Forbidden("pin_not_allowed", "Only the group's admins can pin or unpin messages.");

    public static readonly Error NotForwardable =
        Error.Forbidden("message_not_forwardable", "Deleted messages and system notices cannot be forwarded.");

    public static readonly Error ForwardingDisabled =
        Error.Forbidden("forwarding_disabled", "The author of this message does not allow forwarding it.");
}
