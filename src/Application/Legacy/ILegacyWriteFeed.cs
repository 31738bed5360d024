using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Legacy;

/// <summary>
/// What the old backend wrote to the upgraded database while it still runs beside this module, as the triggers
/// <c>migrate</c> installs record it. Empty on a database that was never a legacy one.
/// </summary>
public interface ILegacyWriteFeed
{
    /// <summary>
    /// Takes up to <paramref name="maxWrites"/> of the oldest writes nobody else is taking, oldest first, inside the
    /// current transaction: they are gone once it commits and back if it rolls back. The content of the messages
    /// among them is readable by then (legacy ciphertext decrypted, or kept aside byte for byte when it does not
    /// decrypt).
    /// </summary>
    Task<IReadOnlyList<LegacyWrite>> TakeAsync(int maxWrites, CancellationToken cancellationToken);
}

/// <summary>One row the old backend wrote. Which ids are set depends on <see cref="Kind"/>.</summary>
public sealed record LegacyWrite(long Id, LegacyWriteKind Kind, ConversationId ConversationId, MessageId? MessageId, UserId? UserId, UserId? OtherUserId);

public enum LegacyWriteKind
{
    /// <summary>A message was sent; <see cref="LegacyWrite.UserId"/> is its sender.</summary>
    MessageCreated,

    /// <summary>A message's text changed; <see cref="LegacyWrite.UserId"/> is its sender.</summary>
    MessageEdited,

    /// <summary>A message was deleted for everyone; <see cref="LegacyWrite.UserId"/> is its sender.</summary>
    MessageDeleted,

    /// <summary>A member hid a message from their own view (<see cref="LegacyWrite.UserId"/>).</summary>
    MessageDeletedForUser,

    /// <summary>A message was pinned or unpinned; <see cref="LegacyWrite.UserId"/> is who did it.</summary>
    MessagePinned,

    /// <summary>A reaction was added, changed or removed by <see cref="LegacyWrite.UserId"/>.</summary>
    ReactionsChanged,

    /// <summary>
    /// <see cref="LegacyWrite.UserId"/>'s read position moved forward, to <see cref="LegacyWrite.MessageId"/> (the
    /// trigger moved this module's position when the old backend wrote only its read time).
    /// </summary>
    ConversationRead,

    /// <summary><see cref="LegacyWrite.UserId"/> blocked <see cref="LegacyWrite.OtherUserId"/>.</summary>
    UserBlocked,
}
