using System.Text;
using Astegni.Chat.Application.Media.SignedLinks;

namespace Astegni.Chat.Application.Tests.Media;

public class MediaUrlSignerTests
{
    private const long Expiry = 1_800_000_000;
    private static readonly MediaUrlSigner Signer = MediaUrlSigner.FromSecret("the service's jwt signing key, long enough");

    [Test]
    public void ASignature_IsGenuine_ForExactlyItsItemAndExpiry()
    {
        var signature = Signer.Sign(42, Expiry);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Signer.IsGenuine(42, Expiry, signature), Is.True);
            Assert.That(Signer.IsGenuine(43, Expiry, signature), Is.False, "another item");
            Assert.That(Signer.IsGenuine(42, Expiry + 1, signature), Is.False, "a later expiry");
            Assert.That(Signer.IsGenuine(42, Expiry - 1, signature), Is.False, "an earlier expiry");
        }
    }

    [Test]
    public void ASignature_IsBase64UrlWithoutPadding_OfAnHmacSha256()
    {
        var signature = Signer.Sign(42, Expiry);

        Assert.That(signature, Has.Length.EqualTo(43).And.Match("^[A-Za-z0-9_-]+$"));
    }

    [Test]
    public void Signing_IsDeterministic_SoEveryInstanceWithTheSameSecretAgrees()
    {
        var another = MediaUrlSigner.FromSecret("the service's jwt signing key, long enough");

        Assert.That(another.Sign(7, Expiry), Is.EqualTo(Signer.Sign(7, Expiry)));
    }

    [Test]
    public void AnotherSecret_SignsDifferently_AndItsSignaturesAreNotGenuineHere()
    {
        var other = MediaUrlSigner.FromSecret("some other deployment's secret, long enough");

        Assert.That(Signer.IsGenuine(7, Expiry, other.Sign(7, Expiry)), Is.False);
    }

    [Test]
    public void TheDerivedKey_IsNotTheSecretItself()
    {
        const string secret = "the service's jwt signing key, long enough";
        var raw = new MediaUrlSigner(Encoding.UTF8.GetBytes(secret));

        Assert.That(raw.Sign(7, Expiry), Is.Not.EqualTo(MediaUrlSigner.FromSecret(secret).Sign(7, Expiry)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not base64url!")]
    [TestCase("====")]
    [TestCase("AAAA")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void AnythingElse_IsNotGenuine(string? signature) =>
        Assert.That(Signer.IsGenuine(42, Expiry, signature), Is.False);

    [Test]
    public void ATamperedSignature_IsNotGenuine()
    {
        var signature = Signer.Sign(42, Expiry);
        var tampered = (signature[^1] == 'A' ? 'B' : 'A') + signature[..^1];

        Assert.That(Signer.IsGenuine(42, Expiry, tampered), Is.False);
    }

    [Test]
    public void AShortKey_IsRefused() =>
        Assert.That(() => new MediaUrlSigner(new byte[16]), Throws.ArgumentException);
}
