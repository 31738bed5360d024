using Astegni.Chat.Application.Media.DownloadMedia;
using Astegni.Chat.Application.Media.UploadMedia;

namespace Astegni.Chat.Application.Tests.Media;

public class UploadMediaValidatorTests
{
    private readonly UploadMediaValidator _validator = new();

    [TestCase(null)]
    [TestCase("image")]
    [TestCase("file")]
    [TestCase("audio")]
    [TestCase("video")]
    public void Validate_ASeekableUploadWithOrWithoutAKnownKind_IsAccepted(string? kind)
    {
        using var content = new MemoryStream([1, 2, 3]);

        Assert.That(_validator.Validate(new UploadMedia(content, "a.png", kind)).IsValid, Is.True);
    }

    [TestCase("voice")]
    [TestCase("Image")]
    [TestCase("")]
    public void Validate_AnUnknownKind_IsRefused(string kind)
    {
        using var content = new MemoryStream([1]);

        Assert.That(_validator.Validate(new UploadMedia(content, null, kind)).Codes(), Is.EqualTo(new[] { "invalid_media_kind" }));
    }

    [Test]
    public void Validate_AStreamThatCannotSeek_IsRefused()
    {
        using var content = new ForwardOnlyStream();

        Assert.That(_validator.Validate(new UploadMedia(content, null)).Codes(), Is.EqualTo(new[] { "media_missing" }));
    }

    private sealed class ForwardOnlyStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}

public class DownloadMediaValidatorTests
{
    private readonly DownloadMediaValidator _validator = new();

    [TestCase(0)]
    [TestCase(-1)]
    public void Validate_ANonPositiveId_IsRefused(int id) =>
        Assert.That(_validator.Validate(new DownloadMedia(id)).Codes(), Is.EqualTo(new[] { "invalid_media_id" }));

    [Test]
    public void Validate_AnId_IsAccepted() => Assert.That(_validator.Validate(new DownloadMedia(4)).IsValid, Is.True);
}
