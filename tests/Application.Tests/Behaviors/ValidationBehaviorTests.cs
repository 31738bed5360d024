using Astegni.Chat.Application.Behaviors;
using Astegni.Chat.Application.Messages.SendMessage;
using Astegni.Chat.Application.Messages.Views;
using Astegni.Chat.Domain.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Tests.Behaviors;

public class ValidationBehaviorTests
{
    private static readonly SendMessage ValidCommand = new(ConversationId: 8, MessageType: "text", Content: "selam", ClientMessageId: "c-1");

    private int _nextCalls;

    private static Result<SentMessage> HandlerResult { get; } = new SentMessage(
        new MessageView(
            1, 8, 3, "Abebe Bekele", null, "text", "selam", null, null, null, [], false, null, false, false, true, "c-1",
            DateTimeOffset.UnixEpoch),
        Replayed: false);

    [SetUp]
    public void ResetCalls() => _nextCalls = 0;

    private ValueTask<Result<SentMessage>> Next(SendMessage message, CancellationToken cancellationToken)
    {
        _nextCalls++;
        return ValueTask.FromResult(HandlerResult);
    }

    private static ValidationBehavior<SendMessage, Result<SentMessage>> Behavior(params IValidator<SendMessage>[] validators) =>
        new(validators);

    private async Task<Result<SentMessage>> HandleAsync(SendMessage command) =>
        await Behavior(new SendMessageValidator()).Handle(command, Next, CancellationToken.None);

    [Test]
    public async Task Handle_InvalidInput_ReturnsAFailedResultWithoutCallingTheHandler()
    {
        var result = await HandleAsync(ValidCommand with { ConversationId = 0 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.False);
            Assert.That(result.Error?.Kind, Is.EqualTo(ErrorKind.Validation));
            Assert.That(_nextCalls, Is.Zero);
        }
    }

    [Test]
    public async Task Handle_ASingleRuleWithItsOwnCode_KeepsThatCode()
    {
        var result = await HandleAsync(ValidCommand with { Content = new string('a', 10_001) });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("message_too_long"));
            Assert.That(result.Error?.Message, Is.EqualTo("A text message holds at most 10000 characters."));
            Assert.That(result.Error?.FieldErrors?.Keys, Is.EqualTo(new[] { "content" }));
        }
    }

    [Test]
    public async Task Handle_FailuresWithDifferentCodes_AreReportedAsValidationFailed()
    {
        var result = await HandleAsync(ValidCommand with { ConversationId = 0, Content = "" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("validation_failed"));
            Assert.That(result.Error?.Message, Is.EqualTo("Some fields are not valid."));
            Assert.That(result.Error?.FieldErrors?.Keys, Is.EquivalentTo(new[] { "conversation_id", "content" }));
        }
    }

    [Test]
    public async Task Handle_FieldErrors_AreKeyedByTheSnakeCaseNamesClientsSend()
    {
        var result = await HandleAsync(new SendMessage(ConversationId: -1, MessageType: "text", Content: "hi", ClientMessageId: ""));

        var fields = result.Error?.FieldErrors;
        Assert.That(fields, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fields!.Keys, Is.EquivalentTo(new[] { "conversation_id", "client_message_id" }));
            Assert.That(fields["client_message_id"], Is.EqualTo(new[] { "client_message_id must be 1 to 100 characters." }));
        }
    }

    [Test]
    public async Task Handle_ValidInput_CallsTheHandlerOnceAndReturnsItsResult()
    {
        var result = await HandleAsync(ValidCommand);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_nextCalls, Is.EqualTo(1));
            Assert.That(result, Is.SameAs(HandlerResult));
        }
    }

    [Test]
    public async Task Handle_WithoutValidators_CallsTheHandler()
    {
        var result = await Behavior().Handle(ValidCommand with { ConversationId = 0 }, Next, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_nextCalls, Is.EqualTo(1));
            Assert.That(result, Is.SameAs(HandlerResult));
        }
    }

    [Test]
    public async Task Handle_WithSeveralValidators_CollectsTheFailuresOfAll()
    {
        var extra = new InlineValidator<SendMessage>();
        extra.RuleFor(c => c.Content).Must(content => content != "selam").WithErrorCode("no_greetings");

        var result = await Behavior(new SendMessageValidator(), extra)
            .Handle(ValidCommand with { ConversationId = 0 }, Next, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("validation_failed"));
            Assert.That(result.Error?.FieldErrors?.Keys, Is.EquivalentTo(new[] { "conversation_id", "content" }));
            Assert.That(_nextCalls, Is.Zero);
        }
    }

    [Test]
    public async Task Handle_ASingleFailureWithFluentValidationsOwnCode_IsReportedAsValidationFailed()
    {
        var builtIn = new InlineValidator<SendMessage>();
        builtIn.RuleFor(c => c.ClientMessageId).NotEmpty();

        var result = await Behavior(builtIn).Handle(ValidCommand with { ClientMessageId = null }, Next, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("validation_failed"));
            Assert.That(result.Error?.FieldErrors?.Keys, Is.EqualTo(new[] { "client_message_id" }));
        }
    }
}
