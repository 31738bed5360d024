using System.Globalization;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Media.SignedLinks;

/// <summary>
/// Mints the download links that need no bearer header (for <c>&lt;img&gt;</c>, <c>&lt;audio&gt;</c> and the old
/// clients) and checks them. Minting checks nothing: only views their caller may already see carry a link.
/// </summary>
public sealed class SignedMediaUrls(
    MediaUrlSigner signer, IOptions<MediaOptions> mediaOptions, IOptions<LegacyMediaUrlOptions> legacyOptions, TimeProvider clock)
{
    public static string PathOf(int mediaId) => $"{MediaLinks.UrlOf(mediaId)}/signed";

    /// <summary>A link for an API response or hub event, living <see cref="MediaOptions.SignedUrlLifetime"/>.</summary>
    public string For(int mediaId) => Link(mediaId, mediaOptions.Value.SignedUrlLifetime);

    /// <summary>The link stored in the legacy <c>media_url</c> column: absolute when a base is configured, longer lived.</summary>
    public string ForLegacyColumn(int mediaId)
    {
        var options = legacyOptions.Value;
        var link = Link(mediaId, options.MediaUrlLifetime);
        return string.IsNullOrWhiteSpace(options.MediaUrlBase) ? link : options.MediaUrlBase.TrimEnd('/') + link;
    }

    public SignedLinkCheck Check(int mediaId, long expiresAt, string? signature)
    {
        if (!signer.IsGenuine(mediaId, expiresAt, signature))
        {
            return SignedLinkCheck.NotGenuine;
        }

        return clock.GetUtcNow().ToUnixTimeSeconds() >= expiresAt ? SignedLinkCheck.Expired : SignedLinkCheck.Valid;
    }

    // Links minted within the same step (a third of the lifetime, at most an hour) are the same link, so a page that
    // loads the same media again hits the browser's cache instead of a new URL each time; each still lives at least
    // two thirds of its lifetime.
    private string Link(int mediaId, TimeSpan lifetime)
    {
        var step = Math.Max(1, (long)Math.Min(lifetime.TotalSeconds / 3, TimeSpan.FromHours(1).TotalSeconds));
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var expiresAt = (now / step * step) + (long)lifetime.TotalSeconds;
        return string.Create(
            CultureInfo.InvariantCulture, $"{PathOf(mediaId)}?expires={expiresAt}&signature={signer.Sign(mediaId, expiresAt)}");
    }
}

public enum SignedLinkCheck
{
    Valid,
    NotGenuine,
    Expired,
}
