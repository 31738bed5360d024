using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Calls;
using FluentValidation;

namespace Astegni.Chat.Application.Calls.StartCall;

public sealed class StartCallValidator : AbstractValidator<StartCall>
{
    public StartCallValidator()
    {
        RuleFor(c => c.ConversationId).ValidId("invalid_conversation_id");
        RuleFor(c => c.CallType)
            .Must(type => WireValue.TryParse<CallType>(type, out _))
            .WithErrorCode("invalid_call_type")
            .WithMessage($"call_type must be one of: {string.Join(", ", WireValue.AllOf<CallType>())}.");
    }
}
