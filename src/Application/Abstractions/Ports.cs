using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Abstractions;

/// <summary>The person on whose behalf a request runs; over REST and the hub, the token's user.</summary>
public interface ICurrentUser
{
    UserId Id { get; }
}

/// <summary>Astegni's users, read-only.</summary>
public interface IUserDirectory
{
    Task<bool> IsActiveUserAsync(UserId userId, CancellationToken cancellationToken);
}

/// <summary>
/// Astegni's role profile tables, read-only, for old clients that still name people by profile. Tables that do
/// not exist (a standalone database) hold no profiles.
/// </summary>
public interface IProfileDirectory
{
    /// <summary>
    /// Each user's profile for their active role, or their only one (with several and none active: student,
    /// then tutor, then parent); <see cref="ProfileRef.OfUserWithoutProfile"/> for a user who has none.
    /// </summary>
    Task<IReadOnlyDictionary<UserId, ProfileRef>> ProfilesOfAsync(IReadOnlyCollection<UserId> users, CancellationToken cancellationToken);

    /// <summary>The user who owns the profile, or null when there is no such profile.</summary>
    Task<UserId?> OwnerOfAsync(ProfileRef profile, CancellationToken cancellationToken);
}

/// <summary>Astegni's connections, read-only: connected means an accepted connection in either direction.</summary>
public interface IConnectionDirectory
{
    Task<bool> AreConnectedAsync(UserId a, UserId b, CancellationToken cancellationToken);
}

/// <summary>Pushes live events to users' open hub connections. A hint only: clients refetch over REST.</summary>
public interface IRealtimePublisher
{
    Task PublishAsync(IReadOnlyCollection<UserId> recipients, string eventName, object payload, CancellationToken cancellationToken);
}

/// <summary>One transaction around a command. Nested commands join the outer transaction.</summary>
public interface IUnitOfWork
{
    bool HasActiveTransaction { get; }

    Task BeginAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves, writes the outbox rows of what the command did (the notifications of the domain events the saved
    /// aggregates recorded, the pushes its handler queued) and commits, all in one transaction. Answers how many
    /// outbox rows it wrote.
    /// </summary>
    Task<int> CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);
}
