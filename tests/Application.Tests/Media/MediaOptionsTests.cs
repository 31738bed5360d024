using Astegni.Chat.Application.Media;
using Astegni.Chat.Domain.Media;

namespace Astegni.Chat.Application.Tests.Media;

public class MediaOptionsTests
{
    private const long Megabyte = 1024 * 1024;

    [TestCase(MediaKind.Image, 10)]
    [TestCase(MediaKind.Audio, 10)]
    [TestCase(MediaKind.Video, 50)]
    [TestCase(MediaKind.File, 25)]
    public void Defaults_AreTheIssuesLimits(MediaKind kind, int megabytes) =>
        Assert.That(new MediaOptions().LimitFor(kind), Is.EqualTo(megabytes * Megabyte));

    [Test]
    public void LargestLimit_IsTheLargestOfTheKinds() =>
        Assert.That(new MediaOptions { MaxFileBytes = 80 * Megabyte }.LargestLimit, Is.EqualTo(80 * Megabyte));
}
