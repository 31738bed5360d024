using FluentValidation;

namespace Astegni.Chat.Application.Conversations.Groups;

internal static class GroupValidationRules
{
    public const string MediaNotSupportedYetCode = "media_not_supported_yet";

    /// <summary>Group avatars will be uploaded media items; until uploads exist, naming one is refused clearly.</summary>
    public static IRuleBuilderOptions<T, int?> MediaNotSupportedYet<T>(this IRuleBuilder<T, int?> rule) =>
        rule.Null()
            .WithErrorCode(MediaNotSupportedYetCode)
            .WithMessage("avatar_media_id cannot be used yet: media uploads are not available.");
}
