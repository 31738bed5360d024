using System.Reflection;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Infrastructure.Persistence;
using NetArchTest.Rules;

namespace Astegni.Chat.Architecture.Tests;

/// <summary>Dependencies point inwards: Domain ← Application ← Infrastructure, Api.</summary>
public sealed class DependencyDirectionTests
{
    private static readonly Assembly Domain = typeof(UserId).Assembly;
    private static readonly Assembly Application = typeof(IChatDbContext).Assembly;
    private static readonly Assembly Infrastructure = typeof(ChatDbContext).Assembly;
    private static readonly Assembly Api = typeof(Api.ChatHost).Assembly;

    [Test]
    public void Domain_ReferencesNoOtherLayerAndNoPackage()
    {
        var referenced = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.That(referenced, Has.All.Matches<string>(name => name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard"),
            "the domain is plain C#: no packages, no other layer");
    }

    [Test]
    public void Domain_DoesNotDependOnOuterLayers() =>
        AssertNoDependency(Domain, "Astegni.Chat.Application", "Astegni.Chat.Infrastructure", "Astegni.Chat.Api", "Microsoft.EntityFrameworkCore");

    [Test]
    public void Application_DoesNotDependOnInfrastructureOrApi() =>
        AssertNoDependency(Application, "Astegni.Chat.Infrastructure", "Astegni.Chat.Api", "Npgsql", "Microsoft.AspNetCore");

    [Test]
    public void Infrastructure_DoesNotDependOnApi() => AssertNoDependency(Infrastructure, "Astegni.Chat.Api", "Microsoft.AspNetCore");

    // The rules above would pass vacuously if the checker saw nothing: each must catch a real dependency.
    [Test]
    public void RuleCatches_ApiDependingOnInfrastructure() =>
        Assert.That(Violations(Api, "Astegni.Chat.Infrastructure"), Is.Not.Empty);

    [Test]
    public void RuleCatches_InfrastructureDependingOnApplication() =>
        Assert.That(Violations(Infrastructure, "Astegni.Chat.Application"), Is.Not.Empty);

    [Test]
    public void RuleCatches_ApplicationDependingOnDomain() =>
        Assert.That(Violations(Application, "Astegni.Chat.Domain"), Is.Not.Empty);

    [Test]
    public void DomainReferenceRule_CatchesAnAssemblyWithPackages() =>
        Assert.That(Application.GetReferencedAssemblies().Select(a => a.Name!),
            Has.Some.Matches<string>(name => !name.StartsWith("System", StringComparison.Ordinal) && name != "netstandard"));

    private static void AssertNoDependency(Assembly assembly, params string[] forbidden) =>
        Assert.That(Violations(assembly, forbidden), Is.Empty);

    private static IReadOnlyList<string> Violations(Assembly assembly, params string[] forbidden)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        return result.IsSuccessful ? [] : result.FailingTypeNames?.ToList() ?? ["(unnamed type)"];
    }
}
