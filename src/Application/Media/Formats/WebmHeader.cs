using System.Buffers.Binary;
using Astegni.Chat.Domain.Media;

namespace Astegni.Chat.Application.Media.Formats;

/// <summary>
/// WebM (EBML header 1A 45 DF A3, DocType "webm"), as Chromium's MediaRecorder writes it. Its tracks say
/// whether it is audio or video; the duration comes from Info/Duration, or, when the whole recording is
/// in the head (MediaRecorder writes no duration), from the last block's timecode.
/// </summary>
public static class WebmHeader
{
    private const uint EbmlId = 0x1A45DFA3;
    private const uint DocTypeId = 0x4282;
    private const uint SegmentId = 0x18538067;
    private const uint InfoId = 0x1549A966;
    private const uint TimecodeScaleId = 0x2AD7B1;
    private const uint DurationId = 0x4489;
    private const uint TracksId = 0x1654AE6B;
    private const uint TrackEntryId = 0xAE;
    private const uint TrackTypeId = 0x83;
    private const uint ClusterId = 0x1F43B675;
    private const uint ClusterTimecodeId = 0xE7;
    private const uint BlockGroupId = 0xA0;
    private const uint BlockId = 0xA1;
    private const uint SimpleBlockId = 0xA3;
    private const int VideoTrack = 1;
    private const int AudioTrack = 2;

    /// <param name="isWhole">The head is all of the content, so its last block ends the recording.</param>
    /// <param name="hint">Audio or video, for a head that shows no track (the bytes do not tell).</param>
    public static SniffedMedia? Sniff(ReadOnlySpan<byte> head, bool isWhole, MediaKind? hint)
    {
        if (head.Length < 4 || BinaryPrimitives.ReadUInt32BigEndian(head) != EbmlId)
        {
            return null;
        }

        var scan = Scan(head);
        if (!string.Equals(scan.DocType, "webm", StringComparison.Ordinal))
        {
            return null;
        }

        var format = scan.HasVideo ? MediaFormat.WebmVideo
            : scan.HasAudio ? MediaFormat.WebmAudio
            : hint == MediaKind.Audio ? MediaFormat.WebmAudio : MediaFormat.WebmVideo;
        double? ticks = scan.Duration ?? (isWhole && scan.LastBlockTimecode >= 0 ? scan.LastBlockTimecode : null);
        return new SniffedMedia(format, DurationMs: ticks is { } t ? Milliseconds(t * scan.TimecodeScale / 1_000_000d) : null);
    }

    private static int? Milliseconds(double value) => value is >= 0 and <= int.MaxValue ? (int)Math.Round(value) : null;

    // A flat walk in document order: master elements are entered (their size, often "unknown" in a live
    // recording, is not needed), every other element is skipped by its size.
    private static WebmScan Scan(ReadOnlySpan<byte> head)
    {
        var scan = new WebmScan();
        long clusterTimecode = 0;
        var position = 0;
        while (position < head.Length)
        {
            if (!TryReadId(head[position..], out var id, out var idLength)
                || !TryReadSize(head[(position + idLength)..], out var size, out var sizeLength))
            {
                break;
            }

            var data = position + idLength + sizeLength;
            if (id is EbmlId or SegmentId or InfoId or TracksId or TrackEntryId or ClusterId or BlockGroupId)
            {
                position = data;
                continue;
            }

            if (size is null || size > head.Length - data)
            {
                break; // unknown size of a leaf, or cut off by the end of the head
            }

            var payload = head.Slice(data, (int)size.Value);
            switch (id)
            {
                case DocTypeId:
                    scan.DocType = System.Text.Encoding.ASCII.GetString(payload).TrimEnd('\0');
                    break;
                case TrackTypeId:
                    var trackType = ReadUnsigned(payload);
                    scan.HasVideo |= trackType == VideoTrack;
                    scan.HasAudio |= trackType == AudioTrack;
                    break;
                case TimecodeScaleId:
                    scan.TimecodeScale = ReadUnsigned(payload) is > 0 and var scale ? scale : scan.TimecodeScale;
                    break;
                case DurationId:
                    scan.Duration = payload.Length switch
                    {
                        4 => BinaryPrimitives.ReadSingleBigEndian(payload),
                        8 => BinaryPrimitives.ReadDoubleBigEndian(payload),
                        _ => null,
                    };
                    break;
                case ClusterTimecodeId:
                    clusterTimecode = ReadUnsigned(payload);
                    break;
                case SimpleBlockId or BlockId:
                    // Track number (a size-like varint), then the timecode relative to the cluster (int16).
                    if (TryReadSize(payload, out _, out var trackLength) && payload.Length >= trackLength + 2)
                    {
                        var relative = BinaryPrimitives.ReadInt16BigEndian(payload[trackLength..]);
                        scan.LastBlockTimecode = Math.Max(scan.LastBlockTimecode, clusterTimecode + relative);
                    }

                    break;
            }

            position = data + (int)size.Value;
        }

        return scan;
    }

    /// <summary>An element id: 1 to 4 bytes, the length marker kept as part of the id.</summary>
    private static bool TryReadId(ReadOnlySpan<byte> bytes, out uint id, out int length)
    {
        id = 0;
        length = bytes.IsEmpty ? 0 : System.Numerics.BitOperations.LeadingZeroCount((uint)bytes[0]) - 23;
        if (length is < 1 or > 4 || bytes.Length < length)
        {
            return false;
        }

        foreach (var b in bytes[..length])
        {
            id = (id << 8) | b;
        }

        return true;
    }

    /// <summary>An element size: 1 to 8 bytes, the marker removed; all value bits set means unknown (null).</summary>
    private static bool TryReadSize(ReadOnlySpan<byte> bytes, out long? size, out int length)
    {
        size = null;
        length = bytes.IsEmpty ? 0 : System.Numerics.BitOperations.LeadingZeroCount((uint)bytes[0]) - 23;
        if (length is < 1 or > 8 || bytes.Length < length)
        {
            return false;
        }

        var value = (ulong)(bytes[0] & (0xFF >> length));
        foreach (var b in bytes[1..length])
        {
            value = (value << 8) | b;
        }

        var unknown = (1UL << (7 * length)) - 1;
        size = value == unknown || value > long.MaxValue ? null : (long)value;
        return true;
    }

    private static long ReadUnsigned(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > 8)
        {
            return 0;
        }

        ulong value = 0;
        foreach (var b in payload)
        {
            value = (value << 8) | b;
        }

        return value > long.MaxValue ? 0 : (long)value;
    }

    private sealed class WebmScan
    {
        public string? DocType { get; set; }
        public bool HasVideo { get; set; }
        public bool HasAudio { get; set; }
        public long TimecodeScale { get; set; } = 1_000_000;
        public double? Duration { get; set; }
        public long LastBlockTimecode { get; set; } = -1;
    }
}
