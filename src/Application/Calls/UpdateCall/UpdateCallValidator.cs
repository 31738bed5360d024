using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Calls.UpdateCall;

public sealed class UpdateCallValidator : AbstractValidator<UpdateCall>
{
    public UpdateCallValidator()
    {
        RuleFor(c => c.CallId).ValidId("invalid_call_id");
        RuleFor(c => c.Action)
            .Must(action => UpdateCall.Actions.Contains(action, StringComparer.Ordinal))
            .WithErrorCode("invalid_call_action")
            .WithMessage($"action must be one of: {string.Join(", ", UpdateCall.Actions)}.");
    }
}
