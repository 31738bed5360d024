using System.Buffers.Binary;

namespace Astegni.Chat.Application.Media.Formats;

/// <summary>
/// Audio containers and streams that cannot be video: WAV (<c>RIFF....WAVE</c>), Ogg (<c>OggS</c>, by its
/// first stream's codec; Theora makes it video), FLAC (<c>fLaC</c>), MP3 (an ID3 tag or an MPEG audio
/// frame header) and AAC in ADTS frames. WAV and FLAC say their duration in the header.
/// </summary>
public static class AudioHeaders
{
    public static SniffedMedia? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..].StartsWith("WAVE"u8))
        {
            return new SniffedMedia(MediaFormat.Wav, DurationMs: WavDuration(head));
        }

        if (head.StartsWith("OggS"u8))
        {
            return Ogg(head);
        }

        if (head.StartsWith("fLaC"u8))
        {
            return new SniffedMedia(MediaFormat.Flac, DurationMs: FlacDuration(head));
        }

        if (head.Length >= 10 && head.StartsWith("ID3"u8) && head[3] is >= 2 and <= 4)
        {
            return new SniffedMedia(MediaFormat.Mp3);
        }

        if (head.Length >= 4 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0)
        {
            return FrameSync(head);
        }

        return null;
    }

    // Chunks after the 12-byte RIFF header: "fmt " holds the byte rate, "data" the sample bytes.
    private static int? WavDuration(ReadOnlySpan<byte> head)
    {
        uint? byteRate = null;
        var position = 12;
        while (position + 8 <= head.Length)
        {
            var id = head.Slice(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(head[(position + 4)..]);
            if (id.SequenceEqual("fmt "u8) && size >= 16 && position + 20 <= head.Length)
            {
                byteRate = BinaryPrimitives.ReadUInt32LittleEndian(head[(position + 16)..]);
            }
            else if (id.SequenceEqual("data"u8))
            {
                return byteRate is > 0 and var rate && size is > 0 and < uint.MaxValue ? (int)Math.Min(size * 1000L / rate, int.MaxValue) : null;
            }

            position += 8 + (int)Math.Min(size + (size & 1), int.MaxValue - position - 8);
        }

        return null;
    }

    // The first page's first packet names the codec of the first (here: only) stream.
    private static SniffedMedia? Ogg(ReadOnlySpan<byte> head)
    {
        if (head.Length < 27)
        {
            return null;
        }

        var packet = 27 + head[26];
        if (packet >= head.Length)
        {
            return null;
        }

        var first = head[packet..];
        if (first.StartsWith("OpusHead"u8) || first.StartsWith("\u0001vorbis"u8) || first.StartsWith("\u007FFLAC"u8) || first.StartsWith("Speex   "u8))
        {
            return new SniffedMedia(MediaFormat.OggAudio);
        }

        return first.Length >= 7 && first[0] == 0x80 && first[1..].StartsWith("theora"u8) ? new SniffedMedia(MediaFormat.OggVideo) : null;
    }

    // STREAMINFO, the first metadata block: sample rate (20 bits) and total samples (36 bits) at bit 80.
    private static int? FlacDuration(ReadOnlySpan<byte> head)
    {
        if (head.Length < 8 + 18 || (head[4] & 0x7F) != 0)
        {
            return null;
        }

        var bits = BinaryPrimitives.ReadUInt64BigEndian(head[(8 + 10)..]);
        var sampleRate = bits >> 44;
        var totalSamples = bits & 0xF_FFFF_FFFF;
        return sampleRate == 0 || totalSamples == 0 ? null : (int)Math.Min(totalSamples * 1000 / sampleRate, int.MaxValue);
    }

    // 11 sync bits, then version (2), layer (2): layers I-III are MPEG audio (MP3), layer 0 is ADTS (AAC).
    private static SniffedMedia? FrameSync(ReadOnlySpan<byte> head)
    {
        var version = (head[1] >> 3) & 0b11;
        var layer = (head[1] >> 1) & 0b11;
        if (layer == 0)
        {
            var sampleRateIndex = (head[2] >> 2) & 0b1111;
            return version is 0b10 or 0b11 && sampleRateIndex < 13 ? new SniffedMedia(MediaFormat.Aac) : null;
        }

        var bitrateIndex = head[2] >> 4;
        var sampleRate = (head[2] >> 2) & 0b11;
        return version != 0b01 && bitrateIndex is not (0 or 0b1111) && sampleRate != 0b11 ? new SniffedMedia(MediaFormat.Mp3) : null;
    }
}
