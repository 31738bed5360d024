using FluentValidation;

namespace Astegni.Chat.Application.Common;

/// <summary>Rules shared by several validators, each with its stable error code.</summary>
public static class ValidationRules
{
    public static IRuleBuilderOptions<T, int?> ValidLimit<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, Paging.MaxLimit)
            .WithErrorCode("invalid_limit")
            .WithMessage($"limit must be between 1 and {Paging.MaxLimit}.");

    public static IRuleBuilderOptions<T, string?> ValidCursor<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || Cursor.TryDecode(text, out _))
            .WithErrorCode("invalid_cursor")
            .WithMessage("cursor is not one this service handed out.");

    public static IRuleBuilderOptions<T, int> ValidId<T>(this IRuleBuilder<T, int> rule, string code) =>
        rule.GreaterThan(0).WithErrorCode(code).WithMessage("{PropertyName} must be a positive id.");

    public const string InvalidCharactersCode = "invalid_characters";

    /// <summary>
    /// Text that can be stored and shown: no NUL (PostgreSQL refuses it), no other C0 control but tab,
    /// line feed and carriage return, and no half of a surrogate pair (not a character at all).
    /// <see cref="StorableTextValidator{T}"/> applies it to every text of every request.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> StorableText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsStorable)
            .WithErrorCode(InvalidCharactersCode)
            .WithMessage("{PropertyName} contains characters that are not allowed (control characters or broken Unicode).");

    public static bool IsStorable(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r'))
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
