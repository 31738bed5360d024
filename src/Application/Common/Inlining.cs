using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Astegni.Chat.Application.Common;

/// <summary>
/// Marks a method that stands in a query for a rule written once as an expression: the static field named
/// here, on the method's own class, with the method's parameters (the receiver first). EF Core cannot call a
/// method inside SQL, so <see cref="Inlining.Inlined{T}"/> replaces each call with the expression's body;
/// that is what lets one rule sit both in a join and in a correlated subquery.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class InlinedFromAttribute(string expression) : Attribute
{
    public string Expression { get; } = expression;
}

public static class Inlining
{
    private static readonly ConcurrentDictionary<MethodInfo, LambdaExpression> Rules = new();

    /// <summary>The query with every <see cref="InlinedFromAttribute"/> call replaced by its rule, rules inside rules too.</summary>
    public static IQueryable<T> Inlined<T>(this IQueryable<T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Provider.CreateQuery<T>(new Inliner().Visit(query.Expression));
    }

    private static LambdaExpression RuleOf(MethodInfo method, InlinedFromAttribute inlined) =>
        Rules.GetOrAdd(method, m =>
            m.DeclaringType!.GetField(inlined.Expression, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(null) as LambdaExpression
            ?? throw new InvalidOperationException($"{m.DeclaringType.Name}.{m.Name} names no expression field '{inlined.Expression}'."));

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.GetCustomAttribute<InlinedFromAttribute>() is not { } inlined)
            {
                return base.VisitMethodCall(node);
            }

            var rule = RuleOf(node.Method, inlined);
            var arguments = node.Object is null ? node.Arguments : [node.Object, .. node.Arguments];
            var body = new Substitution(rule.Parameters, arguments.Select(Visit).ToList()).Visit(rule.Body);
            return Visit(body);
        }
    }

    private sealed class Substitution(IReadOnlyList<ParameterExpression> parameters, IReadOnlyList<Expression?> arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i] == node)
                {
                    return arguments[i]!;
                }
            }

            return node;
        }
    }
}
