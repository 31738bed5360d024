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
}
