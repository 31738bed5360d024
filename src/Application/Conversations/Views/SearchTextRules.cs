using FluentValidation;

namespace Astegni.Chat.Application.Conversations.Views;

/// <summary>What a search text (<c>q</c>) may be, wherever one is accepted: conversations, messages, contacts.</summary>
public static class SearchTextRules
{
    public const int MaxLength = 200;
    public const string InvalidCode = "invalid_search_query";

    /// <summary>
    /// Absent, or 1 to 200 characters with something besides spaces. Characters PostgreSQL text cannot hold
    /// (NUL) are refused for every text alike (<see cref="Common.ValidationRules.StorableText{T}"/>).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> ValidSearchText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || (!string.IsNullOrWhiteSpace(text) && text.Length <= MaxLength))
            .WithErrorCode(InvalidCode)
            .WithMessage($"q must be 1 to {MaxLength} characters, not only spaces.");
}
