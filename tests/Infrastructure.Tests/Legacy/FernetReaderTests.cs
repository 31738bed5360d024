using Astegni.Chat.Infrastructure.Legacy;

namespace Astegni.Chat.Infrastructure.Tests.Legacy;

public sealed class FernetReaderTests
{
    // The Fernet specification's own vector (fernet/spec generate.json).
    private const string SpecKey = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
    private const string SpecToken = "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==";

    // Made by Python's cryptography.fernet (what Astegni's backend uses) with the same key: Amharic survives.
    private const string AmharicToken = "gAAAAABrBSfgAAECAwQFBgcICQoLDA0ODzNSqRR9vSl23Ye9rku2bS54QSzEomW13XgWva2B6McO9qq5l0QZ1dt3AXiOis-JMA==";

    [Test]
    public void SpecVector_Decrypts() => Assert.That(FernetReader.FromKey(SpecKey)!.TryDecrypt(SpecToken), Is.EqualTo("hello"));

    [Test]
    public void PythonToken_WithAmharic_Decrypts() =>
        Assert.That(FernetReader.FromKey(SpecKey)!.TryDecrypt(AmharicToken), Is.EqualTo("ሰላም Selam"));

    [Test]
    public void TokenUnderAnotherKey_DoesNotDecrypt()
    {
        var otherKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()).Replace('+', '-').Replace('/', '_');

        Assert.That(FernetReader.FromKey(otherKey)!.TryDecrypt(SpecToken), Is.Null);
    }

    [TestCase("gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDB==")]
    [TestCase("gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ")]
    [TestCase("gAAAAA!!!not base64")]
    [TestCase("plain text that merely starts differently")]
    public void TamperedOrTruncatedOrNonToken_DoesNotDecrypt(string token) =>
        Assert.That(FernetReader.FromKey(SpecKey)!.TryDecrypt(token), Is.Null);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("too-short")]
    [TestCase("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=cw_0x689RpI")]
    public void NotAKey_GivesNoReader(string? key) => Assert.That(FernetReader.FromKey(key), Is.Null);
}
