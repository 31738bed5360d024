using System.Buffers.Text;
using System.Text;
using Astegni.Chat.Application.Common;

namespace Astegni.Chat.Application.Tests.Common;

public class CursorTests
{
    [TestCase(638_000_000_000_000_000L, 17)]
    [TestCase(0L, 1)]
    [TestCase(3155378975999999999L, int.MaxValue)]
    public void TryDecode_OfAnEncodedCursor_GivesItBack(long key, int id)
    {
        var encoded = new Cursor(key, id).Encode();

        var decoded = Cursor.TryDecode(encoded, out var cursor);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoded, Is.True);
            Assert.That(cursor, Is.EqualTo(new Cursor(key, id)));
        }
    }

    [TestCase(long.MaxValue, 1)]
    [TestCase(-1L, 1)]
    [TestCase(0L, 0)]
    [TestCase(0L, -5)]
    public void TryDecode_OfACursorThisServiceNeverIssues_IsRefused(long key, int id)
    {
        var forged = new Cursor(key, id).Encode();

        Assert.That(Cursor.TryDecode(forged, out _), Is.False);
    }

    [Test]
    public void Encode_IsSafeToPutInAUrlQuery()
    {
        var encoded = new Cursor(long.MinValue, int.MinValue).Encode();

        Assert.That(encoded, Does.Match("^[A-Za-z0-9_-]+$"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not a cursor")]
    [TestCase("%%%")]
    [TestCase("a")]
    [TestCase("MTox!")]
    public void TryDecode_OfGarbage_IsFalse(string? text)
    {
        var decoded = Cursor.TryDecode(text, out var cursor);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoded, Is.False);
            Assert.That(cursor, Is.EqualTo(default(Cursor)));
        }
    }

    [TestCase("12")]
    [TestCase("1:2:3")]
    [TestCase("abc:1")]
    [TestCase("1:")]
    [TestCase(":1")]
    [TestCase("1:99999999999")]
    public void TryDecode_OfWellFormedBase64ThatIsNotAPosition_IsFalse(string inner)
    {
        var text = Base64Url.EncodeToString(Encoding.ASCII.GetBytes(inner));

        Assert.That(Cursor.TryDecode(text, out _), Is.False);
    }

    [Test]
    public void TryDecode_OfAnOversizedText_IsFalseEvenWhenItWouldParse()
    {
        var text = Base64Url.EncodeToString(Encoding.ASCII.GetBytes(new string('0', 60) + "1:2"));
        Assume.That(text, Has.Length.GreaterThan(64));

        Assert.That(Cursor.TryDecode(text, out _), Is.False);
    }

    [Test]
    public void TryDecode_OfArbitraryClientText_NeverThrows()
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/= :%\u00e9\t";
        var random = new Random(20250301);
        var texts = Enumerable.Range(0, 5_000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(1, 70)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray()))
            .ToList();

        Assert.That(() => texts.ForEach(text => Cursor.TryDecode(text, out _)), Throws.Nothing);
    }
}
