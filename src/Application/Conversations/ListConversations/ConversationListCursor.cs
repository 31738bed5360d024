using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Conversations.ListConversations;

/// <summary>
/// Where a page of my conversation list ended. Pinned conversations come first, so the position says
/// which section it is in as well: a plain <see cref="Cursor"/> is a place among the unpinned ones,
/// and the same cursor behind <c>p.</c> (not a base64url character) a place among the pinned ones.
/// </summary>
public readonly record struct ConversationListCursor(bool Pinned, DateTimeOffset Activity, ConversationId Id)
{
    private const string PinnedPrefix = "p.";

    public string Encode()
    {
        var position = new Cursor(Activity.UtcTicks, Id.Value).Encode();
        return Pinned ? PinnedPrefix + position : position;
    }

    public static bool TryDecode(string? text, out ConversationListCursor cursor)
    {
        cursor = default;
        var pinned = text?.StartsWith(PinnedPrefix, StringComparison.Ordinal) == true;
        if (!Cursor.TryDecode(pinned ? text![PinnedPrefix.Length..] : text, out var position))
        {
            return false;
        }

        cursor = new ConversationListCursor(pinned, new DateTimeOffset(position.Key, TimeSpan.Zero), new ConversationId(position.Id));
        return true;
    }
}
