using Astegni.Chat.Domain.Media;

namespace Astegni.Chat.Application.Media.Formats;

/// <summary>What the bytes of an upload turned out to be, with what its header tells about it.</summary>
public sealed record SniffedMedia(MediaFormat Format, int? Width = null, int? Height = null, int? DurationMs = null)
{
    public MediaKind Kind => Format.Kind;
}
