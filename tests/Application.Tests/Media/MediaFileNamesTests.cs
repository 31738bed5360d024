using Astegni.Chat.Application.Media.Formats;

namespace Astegni.Chat.Application.Tests.Media;

public class MediaFileNamesTests
{
    [TestCase("homework.pdf", "homework.pdf")]
    [TestCase("HOMEWORK.PDF", "HOMEWORK.PDF")]
    [TestCase("C:\\Users\\abebe\\Desktop\\homework.pdf", "homework.pdf")]
    [TestCase("../../etc/passwd.pdf", "passwd.pdf")]
    [TestCase("report", "report.pdf")]
    [TestCase("cat.png", "cat.png.pdf")]
    [TestCase("a\"b<c>d|e*f?.pdf", "abcdef.pdf")]
    [TestCase("line\r\nbreak\u0000.pdf", "linebreak.pdf")]
    [TestCase("right\u202Eexe.pdf", "rightexe.pdf")]
    [TestCase("  ..hidden.pdf.. ", "hidden.pdf")]
    [TestCase("ሰኞ ትምህርት.pdf", "ሰኞ ትምህርት.pdf")]
    public void Safe_KeepsOnlyALabel_WithAnExtensionThatFits(string clientName, string expected) =>
        Assert.That(MediaFileNames.Safe(clientName, MediaFormat.Pdf), Is.EqualTo(expected));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("/")]
    [TestCase("...")]
    [TestCase("C:\\folder\\")]
    public void Safe_WithNothingUsableLeft_IsNoName(string? clientName) =>
        Assert.That(MediaFileNames.Safe(clientName, MediaFormat.Pdf), Is.Null);

    [Test]
    public void Safe_ALongName_IsCutTo255_KeepingTheExtension()
    {
        var name = MediaFileNames.Safe(new string('a', 400) + ".pdf", MediaFormat.Pdf)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(name, Has.Length.EqualTo(255));
            Assert.That(name, Does.EndWith("a.pdf"));
        }
    }

    [Test]
    public void Safe_ALongNameOfEmoji_NeverEndsInHalfACharacter()
    {
        var name = MediaFileNames.Safe(string.Concat(Enumerable.Repeat("😀", 200)), MediaFormat.Png)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(name, Has.Length.LessThanOrEqualTo(255));
            Assert.That(name.EnumerateRunes(), Has.None.EqualTo(System.Text.Rune.ReplacementChar), "no lone surrogate");
            Assert.That(name, Does.EndWith("😀.png"));
        }
    }

    [Test]
    public void Fallback_NamesTheKindAndId() =>
        Assert.That(MediaFileNames.Fallback(12, "audio/webm"), Is.EqualTo("audio-12.webm"));
}
