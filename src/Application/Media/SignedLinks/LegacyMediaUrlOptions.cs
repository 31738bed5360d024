namespace Astegni.Chat.Application.Media.SignedLinks;

/// <summary>
/// The link written into the legacy <c>chat_messages.media_url</c> column (configuration section <c>Legacy</c>),
/// which the old backend hands to the old clients whenever they load history, for as long as the hybrid period lasts.
/// </summary>
public sealed class LegacyMediaUrlOptions
{
    public const string Section = "Legacy";

    /// <summary>How long a link stored for the old clients downloads; it is written once, when the message is sent.</summary>
    public TimeSpan MediaUrlLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// This service's public address (e.g. <c>https://chat.astegni.et</c>) put before the stored link, since
    /// the old clients load it from their own origin; empty: the link is stored as a path.
    /// </summary>
    public string? MediaUrlBase { get; set; }
}
