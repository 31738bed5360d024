using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Abstractions;

/// <summary>
/// Row locks held until the command's transaction ends (a port: EF Core has no portable
/// <c>SELECT ... FOR UPDATE</c>). Commands that must not interleave on one conversation (two admins changing
/// its members, two calls placed in it at once) take its lock first and so run one after the other.
/// </summary>
public interface IRowLocks
{
    /// <summary>Holds the conversation's row until the transaction ends; false when there is no such conversation.</summary>
    Task<bool> LockConversationAsync(ConversationId conversationId, CancellationToken cancellationToken);
}
