using Astegni.Chat.Application.Media;
using Astegni.Chat.Application.Media.SignedLinks;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.TestSupport.Media;

/// <summary>Signed media links for tests that build handlers themselves: a fixed key, default lifetimes.</summary>
public static class TestMediaLinks
{
    public const string Secret = "test-media-link-secret-that-is-long-enough";

    public static SignedMediaUrls Create(TimeProvider? clock = null) =>
        new(MediaUrlSigner.FromSecret(Secret), Options.Create(new MediaOptions()), Options.Create(new LegacyMediaUrlOptions()), clock ?? TimeProvider.System);
}
