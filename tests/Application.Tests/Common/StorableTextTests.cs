using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Behaviors;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Messages.SendMessage;
using Astegni.Chat.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Application.Tests.Common;

public sealed class StorableTextTests
{
    [TestCase("selam")]
    [TestCase("ሰላም ለዓለም")]
    [TestCase("tab\there, lines\r\nand\nmore")]
    [TestCase("emoji 👋🏽 and flags 🇪🇹")]
    [TestCase("")]
    [TestCase(null)]
    public void Text_ThatCanBeStoredAndShown_IsStorable(string? text) =>
        Assert.That(ValidationRules.IsStorable(text), Is.True);

    // Built in code: an attribute's strings are stored as UTF-8, which cannot hold half a surrogate pair.
    public static IEnumerable<string> Unstorable() =>
    [
        "a\0b", "\u0001", "bell\u0007", "\u001b[31mred", "\u001f",
        "lone high \ud83d", "\ud83d at the start of \u00e9", "lone low \udc4b", "reversed \udc4b\ud83d",
    ];

    [TestCaseSource(nameof(Unstorable))]
    public void NulOtherControlsAndLoneSurrogates_AreNotStorable(string text) =>
        Assert.That(ValidationRules.IsStorable(text), Is.False);

    [Test]
    public void EveryTextOfARequest_IsChecked_NamingTheField()
    {
        var result = new StorableTextValidator<SendMessage>().Validate(
            new SendMessage(1, "text", "a\0b", ClientMessageId: "c\u0001"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_characters" }));
            Assert.That(result.Errors.Select(e => e.PropertyName), Is.EquivalentTo(new[] { "Content", "ClientMessageId" }));
            Assert.That(result.Errors[0].ErrorMessage, Does.Contain("characters that are not allowed"));
        }
    }

    [Test]
    public void TextsInAList_AreCheckedToo()
    {
        var result = new StorableTextValidator<WithTexts>().Validate(new WithTexts(["fine", "bad\0"], 3));

        Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_characters" }));
    }

    [Test]
    public void EveryUseCase_GetsTheCheck_FromTheContainer()
    {
        var provider = new ServiceCollection().AddChatApplication().BuildServiceProvider();

        var validators = provider.GetServices<IValidator<SendMessage>>().ToList();

        Assert.That(validators, Has.Some.InstanceOf<StorableTextValidator<SendMessage>>());
        Assert.That(validators, Has.Some.InstanceOf<SendMessageValidator>());
    }

    // Building the rules must work for every request shape there is (strings, lists, streams, JSON).
    [Test]
    public void TheCheck_CanBeBuiltForEveryUseCase()
    {
        var useCases = typeof(IChatDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false }
                        && t.GetInterfaces().Any(i => i == typeof(IBaseCommand) || i == typeof(IBaseQuery)))
            .ToList();

        Assert.That(useCases, Has.Count.GreaterThan(10));
        Assert.That(
            () => useCases.ForEach(t => Activator.CreateInstance(typeof(StorableTextValidator<>).MakeGenericType(t))),
            Throws.Nothing);
    }

    [Test]
    public async Task UnstorableText_IsAnsweredAsSuch_EvenWhenTheFieldIsWrongInOtherWaysToo()
    {
        var behavior = new ValidationBehavior<SendMessage, Result<SentMessage>>(
            [new SendMessageValidator(), new StorableTextValidator<SendMessage>()]);

        var result = await behavior.Handle(
            new SendMessage(1, "text", new string('\0', 10_001)),
            (_, _) => throw new AssertionException("the handler must not run"),
            CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("invalid_characters"));
            Assert.That(result.Error?.FieldErrors?.Keys, Is.EqualTo(new[] { "content" }));
        }
    }

    public sealed record WithTexts(IReadOnlyList<string> Names, int Count);
}
