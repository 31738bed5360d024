using System.Text;
using Astegni.Chat.Application.Media.Formats;
using Astegni.Chat.Domain.Media;
using Astegni.Chat.TestSupport.Media;

namespace Astegni.Chat.Infrastructure.Tests.Media;

/// <summary>The allow-list by signature: what each head of bytes is taken for, and what is refused.</summary>
public class MediaSnifferTests
{
    private static SniffedMedia? Sniff(byte[] bytes, MediaKind? hint = null) => MediaSniffer.Sniff(bytes, isWhole: true, hint);

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    private static IEnumerable<TestCaseData> Signatures()
    {
        yield return new TestCaseData(SampleMedia.Png(), "image/png").SetName("PNG");
        yield return new TestCaseData(SampleMedia.Jpeg(), "image/jpeg").SetName("JPEG (FF D8 FF)");
        yield return new TestCaseData(SampleMedia.Gif(), "image/gif").SetName("GIF89a");
        yield return new TestCaseData(Hex("474946383761 0A00 0B00 00 00 00"), "image/gif").SetName("GIF87a");
        yield return new TestCaseData(SampleMedia.WebP(), "image/webp").SetName("WebP (RIFF....WEBP)");
        yield return new TestCaseData(SampleMedia.Wav(), "audio/wav").SetName("WAV (RIFF....WAVE)");
        yield return new TestCaseData(SampleMedia.OggOpus(), "audio/ogg").SetName("Ogg Opus (OggS, OpusHead)");
        yield return new TestCaseData(Ogg("\u0001vorbis"u8.ToArray()), "audio/ogg").SetName("Ogg Vorbis");
        yield return new TestCaseData(Ogg([0x80, .. "theora"u8]), "video/ogg").SetName("Ogg Theora is video");
        yield return new TestCaseData(Flac(44_100, 441_000), "audio/flac").SetName("FLAC (fLaC)");
        yield return new TestCaseData(SampleMedia.Mp3(), "audio/mpeg").SetName("MP3 with an ID3 tag");
        yield return new TestCaseData(Hex("FFFB9000 00000000"), "audio/mpeg").SetName("MP3 frame sync, MPEG-1 layer III");
        yield return new TestCaseData(Hex("FFF35000 00000000"), "audio/mpeg").SetName("MP3 frame sync, MPEG-2 layer III");
        yield return new TestCaseData(Hex("FFF15080 00000000"), "audio/aac").SetName("AAC in ADTS");
        yield return new TestCaseData(SampleMedia.Webm(withVideo: false), "audio/webm").SetName("WebM with only an audio track");
        yield return new TestCaseData(SampleMedia.Webm(withVideo: true), "video/webm").SetName("WebM with a video track");
        yield return new TestCaseData(SampleMedia.Mp4("isom", ["vide", "soun"]), "video/mp4").SetName("MP4 with a video track");
        yield return new TestCaseData(SampleMedia.Mp4("mp42", ["soun"]), "audio/mp4").SetName("MP4 with only sound is audio");
        yield return new TestCaseData(SampleMedia.Mp4("M4A ", null), "audio/mp4").SetName("M4A brand");
        yield return new TestCaseData(SampleMedia.Mp4("isom", null), "video/mp4").SetName("MP4 whose moov is not in the head");
        yield return new TestCaseData(SampleMedia.Mp4("qt  ", ["vide"]), "video/quicktime").SetName("QuickTime");
        yield return new TestCaseData(SampleMedia.Pdf(), "application/pdf").SetName("PDF (%PDF-)");
        yield return new TestCaseData(SampleMedia.OfficeDocument("word"), MediaFormat.Docx.MimeType).SetName("DOCX (PK, word/)");
        yield return new TestCaseData(SampleMedia.OfficeDocument("xl"), MediaFormat.Xlsx.MimeType).SetName("XLSX (PK, xl/)");
        yield return new TestCaseData(SampleMedia.OfficeDocument("ppt"), MediaFormat.Pptx.MimeType).SetName("PPTX (PK, ppt/)");
        yield return new TestCaseData(SampleMedia.OpenDocument(), MediaFormat.Odt.MimeType).SetName("ODT (PK, mimetype first)");
        yield return new TestCaseData(SampleMedia.OpenDocument("application/epub+zip"), MediaFormat.Epub.MimeType).SetName("EPUB (PK, mimetype first)");
        yield return new TestCaseData(SampleMedia.OpenDocument("application/x-unknown"), "application/zip").SetName("ZIP of another package");
        yield return new TestCaseData(SampleMedia.OfficeDocument("other"), "application/zip").SetName("ZIP without an Office part");
        yield return new TestCaseData("{\\rtf1\\ansi hello}"u8.ToArray(), "application/rtf").SetName("RTF");
        yield return new TestCaseData(SampleMedia.Text(), "text/plain").SetName("UTF-8 text");
        yield return new TestCaseData(Hex("EFBBBF") .Concat("with a BOM\r\n\tand tabs"u8.ToArray()).ToArray(), "text/plain").SetName("UTF-8 text with a BOM");
        yield return new TestCaseData("<html><body>hi</body></html>"u8.ToArray(), "text/plain").SetName("HTML is only ever plain text");
    }

    [TestCaseSource(nameof(Signatures))]
    public void Sniff_AnAcceptedSignature_IsThatFormat(byte[] bytes, string mimeType) =>
        Assert.That(Sniff(bytes)?.Format.MimeType, Is.EqualTo(mimeType));

    private static IEnumerable<TestCaseData> Refused()
    {
        yield return new TestCaseData(Array.Empty<byte>()).SetName("nothing");
        yield return new TestCaseData(SampleMedia.Executable()).SetName("Windows executable (MZ)");
        yield return new TestCaseData(Hex("7F454C46 02010100 00000000")).SetName("ELF executable");
        yield return new TestCaseData(Hex("CAFEBABE 00000034")).SetName("Java class");
        yield return new TestCaseData(Hex("D0CF11E0A1B11AE1 0000")).SetName("OLE2 compound file (legacy Office, MSI)");
        yield return new TestCaseData(Hex("1F8B0800 00000000")).SetName("gzip");
        yield return new TestCaseData(Hex("52617221 1A0700")).SetName("RAR");
        yield return new TestCaseData(SampleMedia.Mp4("heic", null)).SetName("HEIC photo (ftyp heic)");
        yield return new TestCaseData(SampleMedia.Mp4("avif", null)).SetName("AVIF image (ftyp avif)");
        yield return new TestCaseData(Hex("00000014 66747970 78787878 00000000 79797979")).SetName("ftyp of unknown brands only");
        yield return new TestCaseData(SampleMedia.Webm(withVideo: true, docType: "matroska")).SetName("Matroska (EBML, DocType matroska)");
        yield return new TestCaseData(Ogg("unknown!"u8.ToArray())).SetName("Ogg of an unknown codec");
        yield return new TestCaseData(Hex("89504E470D0A1A0A 0000000D 49454E44")).SetName("PNG signature without IHDR");
        yield return new TestCaseData(Hex("FFFFFFFF 00000000")).SetName("frame sync with a forbidden bitrate");
        yield return new TestCaseData(Hex("52494646 24000000 41564920")).SetName("RIFF AVI");
        yield return new TestCaseData("text with a \0 NUL"u8.ToArray()).SetName("text with a NUL");
        yield return new TestCaseData("bell \u0007 ring"u8.ToArray()).SetName("text with a control character");
        yield return new TestCaseData(Encoding.Latin1.GetBytes("caf\u00e9 in Latin-1")).SetName("not UTF-8");
        yield return new TestCaseData(Encoding.Unicode.GetBytes("UTF-16 text")).SetName("UTF-16 text");
    }

    [TestCaseSource(nameof(Refused))]
    public void Sniff_AnythingElse_IsRefused(byte[] bytes) => Assert.That(Sniff(bytes), Is.Null);

    [Test]
    public void Sniff_ImageSizes_AreReadFromEachFormatsHeader()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Size(SampleMedia.Png(640, 480)), Is.EqualTo((640, 480)));
            Assert.That(Size(SampleMedia.Jpeg(1920, 1080, exifBytes: 60_000)), Is.EqualTo((1920, 1080)));
            Assert.That(Size(SampleMedia.Gif(300, 200)), Is.EqualTo((300, 200)));
            Assert.That(Size(SampleMedia.WebP(16383, 1)), Is.EqualTo((16383, 1)));
            Assert.That(Size(WebPExtended(4000, 3000)), Is.EqualTo((4000, 3000)));
            Assert.That(Size(WebPLossy(800, 600)), Is.EqualTo((800, 600)));
        }

        static (int?, int?) Size(byte[] bytes) => Sniff(bytes) is { } s ? (s.Width, s.Height) : (null, null);
    }

    [Test]
    public void Sniff_AJpegWhoseFrameHeaderIsBeyondTheHead_IsAJpegWithoutSize()
    {
        var jpeg = SampleMedia.Jpeg(100, 50, exifBytes: 2000);

        var sniffed = MediaSniffer.Sniff(jpeg.AsSpan(0, 500), isWhole: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sniffed?.Format, Is.EqualTo(MediaFormat.Jpeg));
            Assert.That(sniffed?.Width, Is.Null);
            Assert.That(sniffed?.Height, Is.Null);
        }
    }

    [TestCase(MediaKind.Audio, "audio/webm")]
    [TestCase(MediaKind.Video, "video/webm")]
    [TestCase(MediaKind.Image, "video/webm")]
    [TestCase(null, "video/webm")]
    public void Sniff_AWebmWithoutTracksInItsHead_FollowsTheHint_ElseVideo(MediaKind? hint, string mimeType) =>
        Assert.That(Sniff(SampleMedia.Webm(withVideo: false, withTracks: false), hint)?.Format.MimeType, Is.EqualTo(mimeType));

    [TestCase(MediaKind.Audio, "audio/mp4")]
    [TestCase(MediaKind.Video, "video/mp4")]
    [TestCase(null, "video/mp4")]
    public void Sniff_AnMp4WhoseHeadDoesNotTell_FollowsTheHint_ElseVideo(MediaKind? hint, string mimeType) =>
        Assert.That(Sniff(SampleMedia.Mp4("isom", null), hint)?.Format.MimeType, Is.EqualTo(mimeType));

    [Test]
    public void Sniff_TheHint_NeverOverrulesTracksTheBytesShow()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Sniff(SampleMedia.Webm(withVideo: true), MediaKind.Audio)?.Format.MimeType, Is.EqualTo("video/webm"));
            Assert.That(Sniff(SampleMedia.Webm(withVideo: false), MediaKind.Video)?.Format.MimeType, Is.EqualTo("audio/webm"));
            Assert.That(Sniff(SampleMedia.Mp4("isom", ["vide"]), MediaKind.Audio)?.Format.MimeType, Is.EqualTo("video/mp4"));
            Assert.That(Sniff(SampleMedia.Png(), MediaKind.Audio)?.Format.MimeType, Is.EqualTo("image/png"));
        }
    }

    [Test]
    public void Sniff_Durations_ComeFromTheHeadersThatSayThem()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Sniff(SampleMedia.Wav(durationMs: 1250))?.DurationMs, Is.EqualTo(1250));
            Assert.That(Sniff(Flac(44_100, 441_000))?.DurationMs, Is.EqualTo(10_000));
            Assert.That(Sniff(SampleMedia.Mp4("isom", ["vide"], durationMs: 61_500))?.DurationMs, Is.EqualTo(61_500));
            Assert.That(Sniff(SampleMedia.Webm(withVideo: false, blocks: 151))?.DurationMs, Is.EqualTo(3000));
            Assert.That(Sniff(SampleMedia.Mp3())?.DurationMs, Is.Null);
        }
    }

    [Test]
    public void Sniff_AWebmCutByTheHead_DoesNotGuessItsDurationFromThePart()
    {
        var webm = SampleMedia.Webm(withVideo: false, blocks: 151);

        var sniffed = MediaSniffer.Sniff(webm.AsSpan(0, webm.Length - 40), isWhole: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sniffed?.Format, Is.EqualTo(MediaFormat.WebmAudio));
            Assert.That(sniffed?.DurationMs, Is.Null);
        }
    }

    [Test]
    public void Sniff_TextCutByTheHeadInsideACharacter_IsStillText_ButNotWhenThatIsTheEnd()
    {
        var text = Encoding.UTF8.GetBytes("ሰላም");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(MediaSniffer.Sniff(text.AsSpan(0, text.Length - 1), isWhole: false)?.Format, Is.EqualTo(MediaFormat.PlainText));
            Assert.That(MediaSniffer.Sniff(text.AsSpan(0, text.Length - 1), isWhole: true), Is.Null);
        }
    }

    [Test]
    public void AllowList_NamesEveryFormatOnce_WithAnExtension()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MediaFormat.All.Select(f => f.MimeType), Is.Unique);
            Assert.That(MediaFormat.All.Select(f => f.Extension), Has.All.StartWith("."));
            Assert.That(MediaFormat.All.Select(f => f.MimeType.Length), Has.All.LessThanOrEqualTo(100), "chat_media.mime_type holds 100");
        }
    }

    private static byte[] Ogg(byte[] firstPacket) =>
        [.. "OggS"u8, 0, 2, .. new byte[8], 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (byte)firstPacket.Length, .. firstPacket];

    private static byte[] Flac(int sampleRate, long totalSamples)
    {
        var info = new byte[34];
        var bits = ((ulong)sampleRate << 44) | (1UL << 41) | (15UL << 36) | (ulong)totalSamples;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(info.AsSpan(10), bits);
        return [.. "fLaC"u8, 0x80, 0, 0, 34, .. info];
    }

    private static byte[] WebPExtended(int width, int height)
    {
        byte[] chunk = [0, 0, 0, 0, (byte)(width - 1), (byte)((width - 1) >> 8), (byte)((width - 1) >> 16), (byte)(height - 1), (byte)((height - 1) >> 8), (byte)((height - 1) >> 16)];
        return [.. "RIFF"u8, 22, 0, 0, 0, .. "WEBP"u8, .. "VP8X"u8, 10, 0, 0, 0, .. chunk];
    }

    private static byte[] WebPLossy(int width, int height)
    {
        byte[] frame = [0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8)];
        return [.. "RIFF"u8, 22, 0, 0, 0, .. "WEBP"u8, .. "VP8 "u8, 10, 0, 0, 0, .. frame];
    }
}
