using System.Reflection;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Blocks.BlockUser;
using Astegni.Chat.Application.Conversations;
using Astegni.Chat.Application.Conversations.ArchiveConversation;
using Mediator;

namespace Astegni.Chat.Architecture.Tests;

/// <summary>
/// Every use case that takes a conversation id resolves it through <see cref="ConversationIds"/> (directly, or
/// through the group loader built on it), so an id the legacy upgrade merged works on every route alike.
/// </summary>
public sealed class ConversationIdResolutionTests
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly Application = typeof(IChatDbContext).Assembly;

    private static readonly Type[] WaysIn =
        [typeof(ConversationIds), Application.GetType("Astegni.Chat.Application.Conversations.Groups.GroupLoading", throwOnError: true)!];

    private static IEnumerable<Type> UseCasesTakingAConversationId() => Application.GetTypes().Where(t =>
        t is { IsClass: true, IsAbstract: false }
        && t.GetInterfaces().Any(i => i == typeof(IBaseCommand) || i == typeof(IBaseQuery))
        && t.GetProperty("ConversationId")?.PropertyType is { } type && (type == typeof(int) || type == typeof(int?)));

    [Test]
    public void ThereAreSuchUseCases() => Assert.That(UseCasesTakingAConversationId().Count(), Is.GreaterThan(15));

    [TestCaseSource(nameof(UseCasesTakingAConversationId))]
    public void UseCaseTakingAConversationId_ResolvesItThroughTheOnePlace(Type useCase)
    {
        var handler = Application.GetTypes().Single(t => t.Name == useCase.Name + "Handler");

        Assert.That(Calls(handler, WaysIn), Is.True, $"{handler.Name} resolves the id itself");
    }

    // The check must be able to fail: a handler with no conversation id does not go through it.
    [Test]
    public void RuleCatches_AHandlerThatDoesNotGoThroughTheOnePlace() =>
        Assert.That(Calls(typeof(BlockUserHandler), WaysIn), Is.False);

    [Test]
    public void RuleSees_ACallThroughALambda() =>
        Assert.That(Calls(typeof(ArchiveConversationHandler), [typeof(ConversationIds)]), Is.True);

    /// <summary>
    /// Whether a method of the type (or of its compiler-made nested types: async state machines, lambdas)
    /// calls a method declared by one of <paramref name="targets"/>. Reads call operands from the IL.
    /// </summary>
    private static bool Calls(Type type, Type[] targets)
    {
        foreach (var owner in WithNested(type))
        {
            foreach (var method in owner.GetMethods(Everything).Cast<MethodBase>().Concat(owner.GetConstructors(Everything)))
            {
                var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
                for (var i = 0; i + 4 < il.Length; i++)
                {
                    // call, callvirt; the token's top byte names its table: MethodDef, MemberRef or MethodSpec.
                    if (il[i] is not (0x28 or 0x6F) || il[i + 4] is not (0x06 or 0x0A or 0x2B))
                    {
                        continue;
                    }

                    var token = BitConverter.ToInt32(il, i + 1);
                    try
                    {
                        var called = owner.Module.ResolveMethod(
                            token, owner.IsGenericType ? owner.GetGenericArguments() : null, method.IsGenericMethod ? method.GetGenericArguments() : null);
                        if (called?.DeclaringType is { } declaring && targets.Contains(declaring))
                        {
                            return true;
                        }
                    }
                    catch (ArgumentException)
                    {
                        // Not a token after all: a byte of some other operand.
                    }
                }
            }
        }

        return false;
    }

    private static IEnumerable<Type> WithNested(Type type) =>
        type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(WithNested).Prepend(type);
}
