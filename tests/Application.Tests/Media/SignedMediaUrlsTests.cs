using System.Globalization;
using Astegni.Chat.Application.Media;
using Astegni.Chat.Application.Media.SignedLinks;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Tests.Media;

public class SignedMediaUrlsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void ALink_ForAResponse_ExpiresAfterTheMediaLifetime_AndChecksAsValidUntilThen()
    {
        var clock = new SetClock(Now);
        var links = Links(clock, new MediaOptions { SignedUrlLifetime = TimeSpan.FromMinutes(15) });

        var link = links.For(42);
        var (expires, signature) = Parts(link);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(link, Does.StartWith("/api/chat/media/42/signed?expires="));
            Assert.That(expires, Is.EqualTo(Now.AddMinutes(15).ToUnixTimeSeconds()));
            Assert.That(links.Check(42, expires, signature), Is.EqualTo(SignedLinkCheck.Valid));
            clock.Now = Now.AddMinutes(15).AddSeconds(-1);
            Assert.That(links.Check(42, expires, signature), Is.EqualTo(SignedLinkCheck.Valid), "a second before");
            clock.Now = Now.AddMinutes(15);
            Assert.That(links.Check(42, expires, signature), Is.EqualTo(SignedLinkCheck.Expired), "at its expiry");
            Assert.That(links.Check(43, expires, signature), Is.EqualTo(SignedLinkCheck.NotGenuine), "another item: not genuine, expired or not");
        }
    }

    [Test]
    public void LinksMintedMomentsApart_AreTheSameLink_SoBrowsersCacheTheMedia_AndEachLivesTwoThirdsOfTheLifetimeAtLeast()
    {
        var clock = new SetClock(Now.AddSeconds(10));
        var links = Links(clock, new MediaOptions { SignedUrlLifetime = TimeSpan.FromMinutes(15) });

        var first = links.For(42);
        clock.Now = Now.AddMinutes(4);
        var second = links.For(42);
        clock.Now = Now.AddMinutes(5);
        var nextStep = links.For(42);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(nextStep, Is.Not.EqualTo(first));
            Assert.That(DateTimeOffset.FromUnixTimeSeconds(Parts(second).Expires) - Now.AddMinutes(4), Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(10)), "minted 4 minutes in");
        }
    }

    [Test]
    public void TheLegacyColumnsLink_LivesTheLegacyLifetime_AndIsAbsoluteWhenABaseIsConfigured()
    {
        var links = Links(new SetClock(Now), new MediaOptions(), new LegacyMediaUrlOptions { MediaUrlLifetime = TimeSpan.FromDays(30), MediaUrlBase = "https://chat.astegni.et/" });

        var link = links.ForLegacyColumn(42);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(link, Does.StartWith("https://chat.astegni.et/api/chat/media/42/signed?expires="));
            Assert.That(Parts(link).Expires, Is.EqualTo(Now.AddDays(30).ToUnixTimeSeconds()));
            Assert.That(link, Has.Length.LessThanOrEqualTo(LegacyMediaColumn.MaxLength));
        }
    }

    [Test]
    public void TheLegacyColumnsLink_WithoutABase_IsAPath() =>
        Assert.That(Links(new SetClock(Now), new MediaOptions()).ForLegacyColumn(42), Does.StartWith("/api/chat/media/42/signed?"));

    private static SignedMediaUrls Links(TimeProvider clock, MediaOptions media, LegacyMediaUrlOptions? legacy = null) =>
        new(MediaUrlSigner.FromSecret("a secret long enough for the tests here"), Options.Create(media), Options.Create(legacy ?? new LegacyMediaUrlOptions()), clock);

    private static (long Expires, string Signature) Parts(string link)
    {
        var query = link[(link.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return (long.Parse(query["expires"], CultureInfo.InvariantCulture), query["signature"]);
    }

    private sealed class SetClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
