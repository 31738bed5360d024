using Astegni.Chat.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Media.SignedLinks;

/// <summary>
/// The legacy <c>chat_messages.media_url</c> column, which the old backend returns to the old clients and
/// they load with no bearer header. This module never reads it; it fills it for media messages it stores,
/// so the old app can show them during the hybrid period. Mapped as a shadow property: not part of the domain.
/// </summary>
public static class LegacyMediaColumn
{
    public const string Property = "LegacyMediaUrl";
    public const string Column = "media_url";
    public const int MaxLength = 500;

    /// <summary>Gives a new media message (not yet saved) the long-lived signed link the old clients load.</summary>
    public static void Fill(DbSet<Message> messages, Message message, SignedMediaUrls links)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(links);
        if (message.MediaId is not { } mediaId)
        {
            return;
        }

        var url = links.ForLegacyColumn(mediaId.Value);
        if (url.Length <= MaxLength)
        {
            messages.Entry(message).Property<string?>(Property).CurrentValue = url;
        }
    }
}
