using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Media.DownloadSignedMedia;

public sealed class DownloadSignedMediaValidator : AbstractValidator<DownloadSignedMedia>
{
    public DownloadSignedMediaValidator() => RuleFor(q => q.MediaId).ValidId("invalid_media_id");
}
