using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Astegni.Chat.TestSupport.Media;

/// <summary>
/// Tiny files of each accepted kind, built byte by byte so a test says exactly what it uploads: their
/// headers are what real encoders write (PNG even decodes; the others carry no real picture or sound).
/// </summary>
public static class SampleMedia
{
    /// <summary>A real, decodable PNG of <paramref name="width"/>×<paramref name="height"/> black RGB pixels.</summary>
    public static byte[] Png(int width = 3, int height = 2)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        WritePngChunk(output, "IHDR", header);
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
            {
                var scanline = new byte[1 + (width * 3)]; // filter byte 0, then black pixels
                for (var row = 0; row < height; row++)
                {
                    zlib.Write(scanline);
                }
            }

            WritePngChunk(output, "IDAT", pixels.ToArray());
        }

        WritePngChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A JPEG's marker structure: SOI, JFIF APP0, an EXIF-like APP1 of <paramref name="exifBytes"/>, DQT, SOF0, SOS, EOI.</summary>
    public static byte[] Jpeg(int width = 4, int height = 3, int exifBytes = 40)
    {
        var bytes = new List<byte> { 0xFF, 0xD8 };
        Segment(bytes, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(bytes, 0xE1, [.. "Exif\0\0"u8, .. new byte[exifBytes]]);
        Segment(bytes, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(bytes, 0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
        Segment(bytes, 0xDA, [1, 1, 0, 0, 63, 0]);
        bytes.AddRange([0x00, 0x3F, 0xFF, 0xD9]);
        return [.. bytes];

        static void Segment(List<byte> bytes, byte marker, byte[] payload)
        {
            var length = payload.Length + 2;
            bytes.AddRange([0xFF, marker, (byte)(length >> 8), (byte)length]);
            bytes.AddRange(payload);
        }
    }

    /// <summary>A 1×1 image on a logical screen of <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static byte[] Gif(int width = 5, int height = 7)
    {
        byte[] bytes =
        [
            .. "GIF89a"u8, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0x80, 0, 0,
            0xFF, 0xFF, 0xFF, 0, 0, 0,
            0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0, 0x3B,
        ];
        return bytes;
    }

    /// <summary>A lossless WebP (VP8L) header of the given size.</summary>
    public static byte[] WebP(int width = 6, int height = 9)
    {
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14);
        byte[] chunk = [0x2F, (byte)bits, (byte)(bits >> 8), (byte)(bits >> 16), (byte)(bits >> 24), 0, 0, 0];
        return Riff("WEBP", "VP8L", chunk);
    }

    /// <summary>A WebM as Chromium's MediaRecorder writes it (no duration, unknown sizes), with blocks every 20 ms.</summary>
    public static byte[] Webm(bool withVideo, bool withAudio = true, int blocks = 50, bool withTracks = true, string docType = "webm")
    {
        var ebml = Element([0x1A, 0x45, 0xDF, 0xA3], [.. Element([0x42, 0x86], [1]), .. Element([0x42, 0x82], Encoding.ASCII.GetBytes(docType))]);
        var info = Element([0x15, 0x49, 0xA9, 0x66], [.. Element([0x2A, 0xD7, 0xB1], [0x0F, 0x42, 0x40]), .. Element([0x4D, 0x80], "Chrome"u8.ToArray())]);
        var entries = new List<byte>();
        var number = (byte)1;
        if (withAudio)
        {
            entries.AddRange(Element([0xAE], [.. Element([0xD7], [number++]), .. Element([0x83], [2]), .. Element([0x86], "A_OPUS"u8.ToArray())]));
        }

        if (withVideo)
        {
            entries.AddRange(Element([0xAE], [.. Element([0xD7], [number]), .. Element([0x83], [1]), .. Element([0x86], "V_VP8"u8.ToArray())]));
        }

        var cluster = new List<byte>(Element([0xE7], [0]));
        for (var i = 0; i < blocks; i++)
        {
            var timecode = (short)(i * 20);
            cluster.AddRange(Element([0xA3], [0x81, (byte)(timecode >> 8), (byte)timecode, 0x80, 0xFC, 0xFF, 0xFE]));
        }

        byte[] unknownSize = [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
        var tracks = withTracks ? Element([0x16, 0x54, 0xAE, 0x6B], [.. entries]) : [];
        return
        [
            .. ebml,
            0x18, 0x53, 0x80, 0x67, .. unknownSize, .. info, .. tracks,
            0x1F, 0x43, 0xB6, 0x75, .. unknownSize, .. cluster,
        ];
    }

    /// <summary>An MP4: <c>ftyp</c> (<paramref name="brand"/>), then <c>moov</c> with one track per handler, or none.</summary>
    public static byte[] Mp4(string brand = "isom", string[]? handlers = null, int durationMs = 1500)
    {
        var ftyp = Box("ftyp", [.. Encoding.ASCII.GetBytes(brand), 0, 0, 2, 0, .. Encoding.ASCII.GetBytes(brand), .. "mp41"u8]);
        if (handlers is null)
        {
            return [.. ftyp, .. Box("mdat", new byte[64])];
        }

        var mvhd = new byte[100];
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(12), 1000);
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(16), (uint)durationMs);
        var traks = handlers.SelectMany(handler =>
            Box("trak", Box("mdia", Box("hdlr", [0, 0, 0, 0, 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(handler), .. new byte[13]])))).ToArray();
        return [.. ftyp, .. Box("moov", [.. Box("mvhd", mvhd), .. traks]), .. Box("mdat", new byte[64])];
    }

    /// <summary>PCM WAV: 8 kHz, mono, 8-bit, <paramref name="durationMs"/> long.</summary>
    public static byte[] Wav(int durationMs = 250)
    {
        var samples = 8 * durationMs;
        var format = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(format, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(format.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(format.AsSpan(4), 8000);
        BinaryPrimitives.WriteUInt32LittleEndian(format.AsSpan(8), 8000);
        BinaryPrimitives.WriteUInt16LittleEndian(format.AsSpan(12), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(format.AsSpan(14), 8);
        var data = Enumerable.Repeat((byte)0x80, samples).ToArray();
        return [.. "RIFF"u8, .. LittleEndian32(4 + 8 + 16 + 8 + samples), .. "WAVE"u8, .. "fmt "u8, .. LittleEndian32(16), .. format, .. "data"u8, .. LittleEndian32(samples), .. data];
    }

    /// <summary>The first Ogg page of an Opus stream.</summary>
    public static byte[] OggOpus()
    {
        byte[] head = [.. "OpusHead"u8, 1, 1, 0x38, 0x01, 0x80, 0xBB, 0, 0, 0, 0, 0];
        return [.. "OggS"u8, 0, 2, .. new byte[8], 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (byte)head.Length, .. head];
    }

    /// <summary>An ID3v2 tag followed by one MPEG-1 Layer III frame header.</summary>
    public static byte[] Mp3() => [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x00, .. new byte[100]];

    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>A ZIP with the entries an Office Open XML document of that <paramref name="part"/> has (word, xl, ppt).</summary>
    public static byte[] OfficeDocument(string part = "word")
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Add(zip, "_rels/.rels", "<Relationships/>");
            Add(zip, $"{part}/document.xml", "<document/>");
        }

        return output.ToArray();

        static void Add(ZipArchive zip, string name, string text)
        {
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>An OpenDocument (or EPUB) package: a first, stored entry <c>mimetype</c> naming its type.</summary>
    public static byte[] OpenDocument(string mimeType = "application/vnd.oasis.opendocument.text")
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open())
            {
                entry.Write(Encoding.ASCII.GetBytes(mimeType));
            }

            using var content = zip.CreateEntry("content.xml").Open();
            content.Write("<office:document-content/>"u8);
        }

        return output.ToArray();
    }

    public static byte[] Text(string text = "Selam! ሰላም — notes for Saturday's session.\n") => Encoding.UTF8.GetBytes(text);

    /// <summary>A Windows executable's first bytes: never accepted.</summary>
    public static byte[] Executable() => [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. new byte[48]];

    /// <summary><paramref name="head"/> followed by zeros up to <paramref name="length"/> bytes.</summary>
    public static byte[] PaddedTo(byte[] head, long length)
    {
        var bytes = new byte[length];
        head.CopyTo(bytes, 0);
        return bytes;
    }

    private static byte[] Element(byte[] id, byte[] payload)
    {
        // Sizes written in 8 bytes, as MediaRecorder does for known sizes it patches later.
        var size = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(size, (ulong)(uint)payload.Length | (1UL << 56));
        return [.. id, .. size, .. payload];
    }

    private static byte[] Box(string type, byte[] payload) => [.. BigEndian32(8 + payload.Length), .. Encoding.ASCII.GetBytes(type), .. payload];

    private static byte[] Riff(string form, string chunk, byte[] payload) =>
        [.. "RIFF"u8, .. LittleEndian32(4 + 8 + payload.Length), .. Encoding.ASCII.GetBytes(form), .. Encoding.ASCII.GetBytes(chunk), .. LittleEndian32(payload.Length), .. payload];

    private static byte[] BigEndian32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] LittleEndian32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static void WritePngChunk(Stream output, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(BigEndian32(data.Length));
        output.Write(typeBytes);
        output.Write(data);
        output.Write(BigEndian32((int)Crc32([.. typeBytes, .. data])));
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
