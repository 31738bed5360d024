using Astegni.Chat.Application.Abstractions;
using FluentValidation;
using Mediator;

namespace Astegni.Chat.Architecture.Tests;

/// <summary>Each use case is a request with its handler in one file-folder, and a validator beside it.</summary>
public sealed class UseCaseShapeTests
{
    private static readonly Type[] ApplicationTypes = typeof(IChatDbContext).Assembly.GetTypes();

    private static IEnumerable<Type> UseCases() => ApplicationTypes.Where(t =>
        t is { IsClass: true, IsAbstract: false }
        && t.GetInterfaces().Any(i => i == typeof(IBaseCommand) || i == typeof(IBaseQuery)));

    [Test]
    public void ThereAreUseCasesToCheck() => Assert.That(UseCases().Count(), Is.GreaterThan(5));

    [TestCaseSource(nameof(UseCases))]
    public void UseCase_HasAHandlerInItsOwnFolder(Type useCase)
    {
        var handler = ApplicationTypes.SingleOrDefault(t => t.Name == useCase.Name + "Handler");

        Assert.That(handler, Is.Not.Null, $"{useCase.Name}Handler");
        Assert.That(handler!.Namespace, Is.EqualTo(useCase.Namespace));
        Assert.That(useCase.Namespace, Does.EndWith("." + useCase.Name), "folder named after the use case");
    }

    [TestCaseSource(nameof(UseCases))]
    public void UseCaseWithInput_HasAValidator(Type useCase)
    {
        if (useCase.GetProperties().Length == 0)
        {
            Assert.Pass("no input to validate");
        }

        var validatorType = typeof(IValidator<>).MakeGenericType(useCase);
        Assert.That(ApplicationTypes.Any(t => validatorType.IsAssignableFrom(t)), Is.True, $"{useCase.Name}Validator");
    }
}
