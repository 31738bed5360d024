using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Astegni.Chat.Application.Media.Formats;

/// <summary>
/// Documents: PDF (<c>%PDF-</c>), ZIP (<c>PK\x03\x04</c>) told apart by its entries — Office Open XML
/// (<c>[Content_Types].xml</c> with <c>word/</c>, <c>xl/</c> or <c>ppt/</c>), OpenDocument and EPUB (a first
/// <c>mimetype</c> entry) —, RTF, and plain text: UTF-8 without NUL or other control characters.
/// </summary>
public static class DocumentHeaders
{
    private static readonly SearchValues<byte> ForbiddenInText = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 127]);

    /// <param name="isWhole">The head is all of the content (text must then end on a whole character).</param>
    public static SniffedMedia? Sniff(ReadOnlySpan<byte> head, bool isWhole)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return new SniffedMedia(MediaFormat.Pdf);
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return new SniffedMedia(Zip(head));
        }

        if (head.StartsWith("{\\rtf"u8))
        {
            return new SniffedMedia(MediaFormat.Rtf);
        }

        return IsText(head, isWhole) ? new SniffedMedia(MediaFormat.PlainText) : null;
    }

    private static MediaFormat Zip(ReadOnlySpan<byte> head)
    {
        var names = EntryNames(head);
        if (names.Count > 0 && names[0].Name == "mimetype")
        {
            var declared = names[0].StoredContent;
            return declared switch
            {
                "application/vnd.oasis.opendocument.text" => MediaFormat.Odt,
                "application/vnd.oasis.opendocument.spreadsheet" => MediaFormat.Ods,
                "application/vnd.oasis.opendocument.presentation" => MediaFormat.Odp,
                "application/epub+zip" => MediaFormat.Epub,
                _ => MediaFormat.Zip,
            };
        }

        if (names.Any(n => n.Name == "[Content_Types].xml"))
        {
            if (names.Any(n => n.Name.StartsWith("word/", StringComparison.Ordinal)))
            {
                return MediaFormat.Docx;
            }

            if (names.Any(n => n.Name.StartsWith("xl/", StringComparison.Ordinal)))
            {
                return MediaFormat.Xlsx;
            }

            if (names.Any(n => n.Name.StartsWith("ppt/", StringComparison.Ordinal)))
            {
                return MediaFormat.Pptx;
            }
        }

        return MediaFormat.Zip;
    }

    // Local file headers in order: signature (4), ..., method (2) at 8, compressed size (4) at 18,
    // name length (2) at 26, extra length (2) at 28, name at 30. Entries written with a data descriptor
    // carry no size here, so the walk falls back to looking for the next signature.
    private static List<ZipEntry> EntryNames(ReadOnlySpan<byte> head)
    {
        var entries = new List<ZipEntry>();
        var position = 0;
        while (position + 30 <= head.Length && head[position..].StartsWith("PK\u0003\u0004"u8) && entries.Count < 200)
        {
            var entry = head[position..];
            var method = BinaryPrimitives.ReadUInt16LittleEndian(entry[8..]);
            var compressedSize = BinaryPrimitives.ReadUInt32LittleEndian(entry[18..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[26..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[28..]);
            var dataStart = 30 + nameLength + extraLength;
            if (dataStart > entry.Length)
            {
                break;
            }

            var name = Encoding.UTF8.GetString(entry.Slice(30, nameLength));
            var stored = method == 0 && compressedSize is > 0 and <= 200 && dataStart + compressedSize <= entry.Length
                ? Encoding.ASCII.GetString(entry.Slice(dataStart, (int)compressedSize))
                : null;
            entries.Add(new ZipEntry(name, stored));

            var next = compressedSize > 0 && dataStart + compressedSize <= entry.Length
                ? dataStart + (int)compressedSize
                : entry[dataStart..].IndexOf("PK\u0003\u0004"u8) is >= 0 and var found ? dataStart + found : -1;
            if (next < 0)
            {
                break;
            }

            position += next;
        }

        return entries;
    }

    private static bool IsText(ReadOnlySpan<byte> head, bool isWhole)
    {
        var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        if (text.IsEmpty || text.IndexOfAny(ForbiddenInText) >= 0)
        {
            return false;
        }

        while (!text.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(text, out _, out var consumed);
            if (status == OperationStatus.NeedMoreData && !isWhole)
            {
                return true; // the head ends inside a character the rest of the content completes
            }

            if (status != OperationStatus.Done)
            {
                return false;
            }

            text = text[consumed..];
        }

        return true;
    }

    private sealed record ZipEntry(string Name, string? StoredContent);
}
