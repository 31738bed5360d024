using System.Text;
using System.Text.Json;
using Astegni.Chat.Application.Common;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Calls.SendCallSignal;

public sealed class SendCallSignalValidator : AbstractValidator<SendCallSignal>
{
    public SendCallSignalValidator(IOptions<CallOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var maxBytes = options.Value.MaxSignalPayloadBytes;
        RuleFor(c => c.CallId).ValidId("invalid_call_id");
        RuleFor(c => c.Kind)
            .Must(kind => SendCallSignal.Kinds.Contains(kind, StringComparer.Ordinal))
            .WithErrorCode("invalid_signal_kind")
            .WithMessage($"kind must be one of: {string.Join(", ", SendCallSignal.Kinds)}.");
        RuleFor(c => c.Payload)
            .Must(payload => payload.ValueKind != JsonValueKind.Undefined)
            .WithErrorCode("invalid_signal_payload")
            .WithMessage("payload must be a JSON value.")
            .Must(payload => payload.ValueKind == JsonValueKind.Undefined || Encoding.UTF8.GetByteCount(payload.GetRawText()) <= maxBytes)
            .WithErrorCode("signal_payload_too_large")
            .WithMessage($"payload must be at most {maxBytes} bytes.");
    }
}
