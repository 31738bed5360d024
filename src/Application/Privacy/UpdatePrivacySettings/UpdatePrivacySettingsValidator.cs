using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Privacy;
using FluentValidation;

namespace Astegni.Chat.Application.Privacy.UpdatePrivacySettings;

public sealed class UpdatePrivacySettingsValidator : AbstractValidator<UpdatePrivacySettings>
{
    public const string Code = "invalid_privacy_value";

    public UpdatePrivacySettingsValidator()
    {
        RuleFor(c => c.WhoCanMessage).OneOf<UpdatePrivacySettings, Audience>();
        RuleFor(c => c.AllowCallsFrom).OneOf<UpdatePrivacySettings, Audience>();
        RuleFor(c => c.AllowGroupAdds).OneOf<UpdatePrivacySettings, Audience>();
        RuleFor(c => c.LastSeenVisibility).OneOf<UpdatePrivacySettings, Visibility>();
    }
}

internal static class PrivacyRules
{
    public static IRuleBuilderOptions<T, string?> OneOf<T, TEnum>(this IRuleBuilder<T, string?> rule)
        where TEnum : struct, Enum =>
        rule.Must(text => text is null || WireValue.TryParse<TEnum>(text, out _))
            .WithErrorCode(UpdatePrivacySettingsValidator.Code)
            .WithMessage($"{{PropertyName}} must be one of: {string.Join(", ", WireValue.AllOf<TEnum>())}.");
}
