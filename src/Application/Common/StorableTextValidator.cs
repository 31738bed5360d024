using System.Linq.Expressions;
using System.Reflection;
using FluentValidation;

namespace Astegni.Chat.Application.Common;

/// <summary>
/// Applies <see cref="ValidationRules.StorableText{T}"/> to every text a request carries: each string
/// property and each string of a list property, found by reflection once per request type. Registered
/// for every request (an open generic), so a field added later is checked without anyone remembering to.
/// </summary>
public sealed class StorableTextValidator<T> : AbstractValidator<T>
{
    public StorableTextValidator()
    {
        var request = Expression.Parameter(typeof(T), "request");
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
            {
                continue;
            }

            var access = Expression.Property(request, property);
            if (property.PropertyType == typeof(string))
            {
                RuleFor(Expression.Lambda<Func<T, string?>>(access, request)).StorableText();
            }
            else if (property.PropertyType != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(property.PropertyType))
            {
                var texts = Expression.Lambda<Func<T, IEnumerable<string?>?>>(Expression.Convert(access, typeof(IEnumerable<string?>)), request);
                RuleForEach(texts).StorableText();
            }
        }
    }
}
