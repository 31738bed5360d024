using FluentValidation.Results;

namespace Astegni.Chat.Application.Tests;

/// <summary>What a validator's verdict means to a client: the error codes it would see.</summary>
internal static class ValidationAssertions
{
    public static string[] Codes(this ValidationResult result) =>
        result.Errors.Select(e => e.ErrorCode).Distinct().Order(StringComparer.Ordinal).ToArray();
}
