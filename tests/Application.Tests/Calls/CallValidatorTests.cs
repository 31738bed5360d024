using System.Text.Json;
using Astegni.Chat.Application.Calls;
using Astegni.Chat.Application.Calls.ListCalls;
using Astegni.Chat.Application.Calls.SendCallSignal;
using Astegni.Chat.Application.Calls.StartCall;
using Astegni.Chat.Application.Calls.UpdateCall;
using Astegni.Chat.Application.Common;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Tests.Calls;

public class CallValidatorTests
{
    private static readonly JsonElement Offer = JsonSerializer.SerializeToElement(new { type = "offer", sdp = "v=0" });

    // ---- StartCall ----

    [TestCase("voice")]
    [TestCase("video")]
    public void StartCall_VoiceOrVideo_IsAccepted(string callType) =>
        Assert.That(new StartCallValidator().Validate(new StartCall(3, callType)).IsValid, Is.True);

    [TestCase("audio")]
    [TestCase("Voice")]
    [TestCase("")]
    [TestCase(null)]
    public void StartCall_AnyOtherType_IsRefused(string? callType) =>
        Assert.That(new StartCallValidator().Validate(new StartCall(3, callType!)).Codes(), Is.EqualTo(new[] { "invalid_call_type" }));

    [TestCase(0)]
    [TestCase(-1)]
    public void StartCall_WithoutAConversationId_IsRefused(int conversationId) =>
        Assert.That(new StartCallValidator().Validate(new StartCall(conversationId, "voice")).Codes(), Is.EqualTo(new[] { "invalid_conversation_id" }));

    // ---- UpdateCall ----

    [TestCase("answer")]
    [TestCase("decline")]
    [TestCase("cancel")]
    [TestCase("end")]
    public void UpdateCall_AKnownAction_IsAccepted(string action) =>
        Assert.That(new UpdateCallValidator().Validate(new UpdateCall(5, action)).IsValid, Is.True);

    [TestCase("hold")]
    [TestCase("End")]
    [TestCase("")]
    [TestCase(null)]
    public void UpdateCall_AnyOtherAction_IsRefused(string? action) =>
        Assert.That(new UpdateCallValidator().Validate(new UpdateCall(5, action!)).Codes(), Is.EqualTo(new[] { "invalid_call_action" }));

    [Test]
    public void UpdateCall_WithoutACallId_IsRefused() =>
        Assert.That(new UpdateCallValidator().Validate(new UpdateCall(0, "answer")).Codes(), Is.EqualTo(new[] { "invalid_call_id" }));

    // ---- ListCalls ----

    [Test]
    public void ListCalls_WithNothing_OrACursorHandedOut_IsAccepted()
    {
        var validator = new ListCallsValidator();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validator.Validate(new ListCalls()).IsValid, Is.True);
            Assert.That(validator.Validate(new ListCalls(4, 20, new Cursor(DateTimeOffset.UtcNow.UtcTicks, 9).Encode())).IsValid, Is.True);
        }
    }

    [TestCase(0, null, null, "invalid_conversation_id")]
    [TestCase(null, 0, null, "invalid_limit")]
    [TestCase(null, 101, null, "invalid_limit")]
    [TestCase(null, null, "bm90LWEtY3Vyc29y", "invalid_cursor")]
    public void ListCalls_WithAParameterOutOfRange_IsRefused(int? conversationId, int? limit, string? cursor, string code) =>
        Assert.That(new ListCallsValidator().Validate(new ListCalls(conversationId, limit, cursor)).Codes(), Is.EqualTo(new[] { code }));

    // ---- SendCallSignal ----

    private static SendCallSignalValidator SignalValidator(int maxBytes = 64 * 1024) =>
        new(Options.Create(new CallOptions { MaxSignalPayloadBytes = maxBytes }));

    [TestCase("offer")]
    [TestCase("answer")]
    [TestCase("ice_candidate")]
    [TestCase("renegotiate")]
    public void SendCallSignal_OfAKnownKind_IsAccepted(string kind) =>
        Assert.That(SignalValidator().Validate(new SendCallSignal(1, kind, Offer)).IsValid, Is.True);

    [TestCase("hangup")]
    [TestCase("Offer")]
    [TestCase("")]
    [TestCase(null)]
    public void SendCallSignal_OfAnyOtherKind_IsRefused(string? kind) =>
        Assert.That(SignalValidator().Validate(new SendCallSignal(1, kind!, Offer)).Codes(), Is.EqualTo(new[] { "invalid_signal_kind" }));

    [Test]
    public void SendCallSignal_WithANullPayload_IsAccepted_TheEndOfCandidatesIsOne() =>
        Assert.That(SignalValidator().Validate(new SendCallSignal(1, "ice_candidate", JsonSerializer.SerializeToElement<object?>(null))).IsValid, Is.True);

    [Test]
    public void SendCallSignal_WithoutAPayload_IsRefused() =>
        Assert.That(SignalValidator().Validate(new SendCallSignal(1, "offer", default)).Codes(), Is.EqualTo(new[] { "invalid_signal_payload" }));

    [Test]
    public void SendCallSignal_CountsThePayloadsUtf8Bytes_AgainstTheLimit()
    {
        // 50 Ethiopic letters are 150 bytes in UTF-8, plus the quotes.
        var amharic = JsonSerializer.SerializeToElement(new string('ሰ', 50), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var rawBytes = System.Text.Encoding.UTF8.GetByteCount(amharic.GetRawText());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(SignalValidator(rawBytes).Validate(new SendCallSignal(1, "offer", amharic)).IsValid, Is.True);
            Assert.That(SignalValidator(rawBytes - 1).Validate(new SendCallSignal(1, "offer", amharic)).Codes(), Is.EqualTo(new[] { "signal_payload_too_large" }));
        }
    }

    [Test]
    public void SendCallSignal_WithoutACallId_IsRefused() =>
        Assert.That(SignalValidator().Validate(new SendCallSignal(0, "offer", Offer)).Codes(), Is.EqualTo(new[] { "invalid_call_id" }));
}
