using Astegni.Chat.Domain.Media;

namespace Astegni.Chat.Application.Media;

/// <summary>Upload limits (in bytes per kind) and link lifetimes an operator may tune (configuration section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    private const long Megabyte = 1024 * 1024;

    public long MaxImageBytes { get; set; } = 10 * Megabyte;

    /// <summary>Voice notes and other audio.</summary>
    public long MaxAudioBytes { get; set; } = 10 * Megabyte;

    public long MaxVideoBytes { get; set; } = 50 * Megabyte;

    public long MaxFileBytes { get; set; } = 25 * Megabyte;

    /// <summary>An upload no message uses is deleted (file and row) this long after it was made.</summary>
    public TimeSpan UnusedUploadLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the <c>signed_url</c> of a media object in an API response or hub event downloads.</summary>
    public TimeSpan SignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often expired unused uploads are looked for.</summary>
    public TimeSpan UnusedUploadCheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most an upload of any kind may hold: the request size the service accepts at all.</summary>
    public long LargestLimit => Math.Max(Math.Max(MaxImageBytes, MaxAudioBytes), Math.Max(MaxVideoBytes, MaxFileBytes));

    public long LimitFor(MediaKind kind) => kind switch
    {
        MediaKind.Image => MaxImageBytes,
        MediaKind.Audio => MaxAudioBytes,
        MediaKind.Video => MaxVideoBytes,
        _ => MaxFileBytes,
    };
}
