using Astegni.Chat.Domain.Blocks;
using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Media;
using Astegni.Chat.Domain.Messages;
using Astegni.Chat.Domain.Presence;
using Astegni.Chat.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Abstractions;

/// <summary>The chat's tables, plus read-only views of the Astegni tables chat reads but does not own.</summary>
public interface IChatDbContext
{
    DbSet<Conversation> Conversations { get; }
    DbSet<Participant> Participants { get; }
    DbSet<Message> Messages { get; }
    DbSet<Block> Blocks { get; }
    DbSet<PrivacySettings> PrivacySettings { get; }
    DbSet<UserPresence> Presence { get; }
    DbSet<CallLog> CallLogs { get; }
    DbSet<MediaItem> Media { get; }
    DbSet<ConversationAlias> ConversationAliases { get; }

    /// <summary>Astegni's <c>users</c>, read-only, for names and avatars in read models.</summary>
    IQueryable<UserRecord> Users { get; }

    /// <summary>Astegni's <c>connections</c>, read-only.</summary>
    IQueryable<ConnectionRecord> Connections { get; }

    /// <summary>
    /// Saves pending changes. A unique index violation surfaces as <see cref="DuplicateKeyException"/>; a row
    /// that another transaction changed since it was read (messages and memberships carry a version) as
    /// <see cref="ConcurrentChangeException"/>.
    /// </summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every change not yet saved (after a save was refused), so the transaction can go on.</summary>
    void DiscardPendingChanges();
}

/// <summary>A row of Astegni's <c>users</c> table, as chat sees it.</summary>
public sealed record UserRecord(
    UserId Id,
    string? Email,
    string? FirstName,
    string? FatherName,
    string? LastName,
    string? ProfilePicture,
    bool IsActive);

/// <summary>A row of Astegni's <c>connections</c> table: two users, in either direction, and its status.</summary>
public sealed record ConnectionRecord(int Id, UserId RequestedBy, UserId RecipientId, string Status)
{
    public const string Accepted = "accepted";
}

/// <summary>A save broke a unique index: somebody else stored the same thing first.</summary>
public sealed class DuplicateKeyException(string? constraintName, Exception innerException)
    : Exception($"Unique index {constraintName} refused the row.", innerException)
{
    public string? ConstraintName { get; } = constraintName;
}

/// <summary>
/// A save found a row changed by another transaction since this one read it: writing it back would undo
/// that change (an edit over a deletion, a pin on a tombstone, a read position moving backwards).
/// </summary>
public sealed class ConcurrentChangeException(Exception innerException)
    : Exception("A row was changed by someone else since it was read.", innerException);
