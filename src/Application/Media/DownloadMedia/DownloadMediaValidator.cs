using Astegni.Chat.Application.Common;
using FluentValidation;

namespace Astegni.Chat.Application.Media.DownloadMedia;

public sealed class DownloadMediaValidator : AbstractValidator<DownloadMedia>
{
    public DownloadMediaValidator() => RuleFor(q => q.MediaId).ValidId("invalid_media_id");
}
