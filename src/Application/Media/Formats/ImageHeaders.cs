using System.Buffers.Binary;

namespace Astegni.Chat.Application.Media.Formats;

/// <summary>
/// JPEG, PNG, GIF and WebP recognised by their signatures, with width and height read from their headers.
/// An image whose header does not give its size (e.g. a JPEG whose frame header lies beyond the sniffed
/// head) is still that image, without dimensions.
/// </summary>
public static class ImageHeaders
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static SniffedMedia? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngSignature))
        {
            return Png(head);
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return head.Length < 10
                ? null
                : new SniffedMedia(MediaFormat.Gif, BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), BinaryPrimitives.ReadUInt16LittleEndian(head[8..]));
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return Jpeg(head);
        }

        if (head.Length >= 16 && head.StartsWith("RIFF"u8) && head[8..].StartsWith("WEBP"u8))
        {
            return WebP(head);
        }

        return null;
    }

    // The first chunk of a PNG is IHDR: width and height, 4 bytes each, big-endian.
    private static SniffedMedia? Png(ReadOnlySpan<byte> head)
    {
        if (head.Length < 24 || !head[12..].StartsWith("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(head[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(head[20..]);
        return width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : new SniffedMedia(MediaFormat.Png, (int)width, (int)height);
    }

    // Walks the marker segments up to the first start-of-frame (SOF0..SOF15 but DHT, JPG and DAC), whose
    // payload is precision (1), height (2), width (2). Scan data (SOS) before any frame header: no size.
    private static SniffedMedia Jpeg(ReadOnlySpan<byte> head)
    {
        var position = 2;
        while (position + 4 <= head.Length)
        {
            if (head[position] != 0xFF)
            {
                break;
            }

            var marker = head[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD8))
            {
                position += 2; // standalone markers carry no length
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                break;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(head[(position + 2)..]);
            var isFrameHeader = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrameHeader && position + 9 <= head.Length)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(head[(position + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(head[(position + 7)..]);
                return new SniffedMedia(MediaFormat.Jpeg, width, height);
            }

            if (length < 2)
            {
                break;
            }

            position += 2 + length;
        }

        return new SniffedMedia(MediaFormat.Jpeg);
    }

    // RIFF....WEBP then the first chunk: lossy (VP8), lossless (VP8L) or extended (VP8X, canvas size).
    private static SniffedMedia WebP(ReadOnlySpan<byte> head)
    {
        var chunk = head[12..16];
        if (chunk.SequenceEqual("VP8 "u8) && head.Length >= 30 && head[23] == 0x9D && head[24] == 0x01 && head[25] == 0x2A)
        {
            return new SniffedMedia(
                MediaFormat.WebP,
                BinaryPrimitives.ReadUInt16LittleEndian(head[26..]) & 0x3FFF,
                BinaryPrimitives.ReadUInt16LittleEndian(head[28..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8) && head.Length >= 25 && head[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(head[21..]);
            return new SniffedMedia(MediaFormat.WebP, (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8) && head.Length >= 30)
        {
            return new SniffedMedia(MediaFormat.WebP, ReadUInt24LittleEndian(head[24..]) + 1, ReadUInt24LittleEndian(head[27..]) + 1);
        }

        return new SniffedMedia(MediaFormat.WebP);
    }

    private static int ReadUInt24LittleEndian(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
}
