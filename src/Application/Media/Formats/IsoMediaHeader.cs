using System.Buffers.Binary;
using Astegni.Chat.Domain.Media;

namespace Astegni.Chat.Application.Media.Formats;

/// <summary>
/// MP4, M4A and QuickTime (ISO base media: a <c>ftyp</c> box at offset 4). The brand tells M4A audio;
/// otherwise the track handlers in <c>moov</c> (<c>vide</c>, <c>soun</c>) tell audio from video when
/// <c>moov</c> lies within the head. HEIF/AVIF images share the box format and are not accepted.
/// </summary>
public static class IsoMediaHeader
{
    private static readonly string[] ImageBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "avif", "avis"];
    private static readonly string[] AudioBrands = ["M4A ", "M4B ", "M4P "];
    private static readonly string[] Mp4Brands =
        ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "mp41", "mp42", "mp71", "avc1", "dash", "M4V ", "M4VH", "M4VP", "MSNV", "mmp4", "f4v "];

    private const string QuickTimeBrand = "qt  ";

    /// <param name="hint">Audio or video, for a file whose brand and head do not tell.</param>
    public static SniffedMedia? Sniff(ReadOnlySpan<byte> head, MediaKind? hint)
    {
        if (head.Length < 16 || !head[4..].StartsWith("ftyp"u8))
        {
            return null;
        }

        var ftypSize = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (ftypSize < 16 || ftypSize > head.Length)
        {
            return null;
        }

        var major = Brand(head[8..]);
        var brands = new List<string> { major };
        for (var offset = 16; offset + 4 <= ftypSize; offset += 4)
        {
            brands.Add(Brand(head[offset..]));
        }

        var isQuickTime = major == QuickTimeBrand;
        if (ImageBrands.Contains(major) || (!isQuickTime && !brands.Any(b => Mp4Brands.Contains(b) || AudioBrands.Contains(b))))
        {
            return null;
        }

        var tracks = new TrackScan();
        ScanBoxes(head, tracks, depth: 0);
        var isAudio = tracks.HasVideo ? false
            : tracks.HasAudio ? true
            : AudioBrands.Contains(major) || hint == MediaKind.Audio;
        var format = isAudio ? MediaFormat.Mp4Audio : isQuickTime ? MediaFormat.QuickTime : MediaFormat.Mp4Video;
        return new SniffedMedia(format, DurationMs: tracks.DurationMs);
    }

    private static string Brand(ReadOnlySpan<byte> bytes) => System.Text.Encoding.ASCII.GetString(bytes[..4]);

    // Boxes: size (4, big-endian; 1 = a 64-bit size follows the type, 0 = to the end), type (4), payload.
    private static void ScanBoxes(ReadOnlySpan<byte> bytes, TrackScan tracks, int depth)
    {
        var position = 0;
        while (position + 8 <= bytes.Length && depth < 8)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(bytes[position..]);
            var type = bytes.Slice(position + 4, 4);
            var header = 8;
            if (size == 1)
            {
                if (position + 16 > bytes.Length)
                {
                    return;
                }

                size = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(bytes[(position + 8)..]), long.MaxValue);
                header = 16;
            }
            else if (size == 0)
            {
                size = bytes.Length - position;
            }

            if (size < header || size > bytes.Length - position)
            {
                return; // beyond the head (e.g. mdat before moov): nothing more to learn here
            }

            var payload = bytes.Slice(position + header, (int)size - header);
            if (type.SequenceEqual("moov"u8) || type.SequenceEqual("trak"u8) || type.SequenceEqual("mdia"u8))
            {
                ScanBoxes(payload, tracks, depth + 1);
            }
            else if (type.SequenceEqual("hdlr"u8) && payload.Length >= 12)
            {
                // version/flags (4), pre-defined (4), handler type (4)
                var handler = payload.Slice(8, 4);
                tracks.HasVideo |= handler.SequenceEqual("vide"u8);
                tracks.HasAudio |= handler.SequenceEqual("soun"u8);
            }
            else if (type.SequenceEqual("mvhd"u8))
            {
                tracks.DurationMs = MovieDuration(payload);
            }

            position += (int)size;
        }
    }

    // mvhd version 0: created (4), modified (4), timescale (4), duration (4); version 1: 8, 8, 4, 8.
    private static int? MovieDuration(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 4)
        {
            return null;
        }

        var version1 = payload[0] == 1;
        if (payload.Length < (version1 ? 32 : 20))
        {
            return null;
        }

        var timescale = BinaryPrimitives.ReadUInt32BigEndian(payload[(version1 ? 20 : 12)..]);
        var duration = version1 ? BinaryPrimitives.ReadUInt64BigEndian(payload[24..]) : BinaryPrimitives.ReadUInt32BigEndian(payload[16..]);
        if (timescale == 0 || duration == 0 || duration == uint.MaxValue || duration == ulong.MaxValue)
        {
            return null;
        }

        var milliseconds = duration * 1000d / timescale;
        return milliseconds <= int.MaxValue ? (int)Math.Round(milliseconds) : null;
    }

    private sealed class TrackScan
    {
        public bool HasVideo { get; set; }
        public bool HasAudio { get; set; }
        public int? DurationMs { get; set; }
    }
}
