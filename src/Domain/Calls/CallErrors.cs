using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Calls;

/// <summary>Refusals of call actions. A call the caller cannot take part in is <see cref="NotFound"/>, never forbidden.</summary>
public static class CallErrors
{
    public static readonly Error NotFound = Error.NotFound("call_not_found", "No such call.");

    public static readonly Error NobodyToCall =
        Error.Forbidden("nobody_to_call", "There is nobody else in this conversation to call.");

    public static readonly Error InProgress =
        Error.Conflict("call_in_progress", "A call is already ringing or going on in this conversation: answer, cancel or end it first.");

    public static readonly Error CallerCannotAnswer =
        Error.Forbidden("caller_cannot_answer", "You placed this call: the other side answers it.");

    public static readonly Error CallerCannotDecline =
        Error.Forbidden("caller_cannot_decline", "You placed this call: cancel it instead.");

    public static readonly Error OnlyCallerCancels =
        Error.Forbidden("only_caller_can_cancel", "Only the person who placed this call can cancel it: decline it instead.");

    public static readonly Error AlreadyAnswered =
        Error.Conflict("call_already_answered", "This call was already answered.");

    public static readonly Error NotAnswered =
        Error.Conflict("call_not_answered", "This call was not answered: cancel or decline it instead.");

    public static readonly Error StillRinging =
        Error.Conflict("call_still_ringing", "This call is still within its ringing time.");

    public static readonly Error Finished = Error.Conflict("call_finished", "This call is over.");
}
