using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Media;
using FluentValidation;

namespace Astegni.Chat.Application.Media.UploadMedia;

public sealed class UploadMediaValidator : AbstractValidator<UploadMedia>
{
    public UploadMediaValidator()
    {
        RuleFor(c => c.Content)
            .Must(content => content is { CanRead: true, CanSeek: true })
            .WithErrorCode(MediaErrors.Missing.Code)
            .WithMessage("The upload must be a readable, seekable stream.");
        RuleFor(c => c.Kind)
            .Must(kind => kind is null || WireValue.TryParse<MediaKind>(kind, out _))
            .WithErrorCode("invalid_media_kind")
            .WithMessage($"kind must be one of {string.Join(", ", WireValue.AllOf<MediaKind>())}.");
    }
}
