using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Blocks;

/// <summary>The blocker no longer hears from the blocked user, and neither can reach the other.</summary>
public sealed class Block : AggregateRoot
{
    public const int MaxReasonLength = 500;

    public static readonly Error CannotBlockSelf = Error.Validation("cannot_block_self", "You cannot block yourself.");

    private Block()
    {
    }

    public BlockId Id { get; private set; }
    public UserId BlockerUserId { get; private set; }
    public UserId BlockedUserId { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset BlockedAt { get; private set; }

    public static Result<Block> Create(UserId blocker, UserId blocked, string? reason, DateTimeOffset now)
    {
        if (blocker == blocked)
        {
            return CannotBlockSelf;
        }

        var block = new Block
        {
            BlockerUserId = blocker,
            BlockedUserId = blocked,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            BlockedAt = now,
        };
        block.Raise(new UserBlocked(block));
        return block;
    }
}

public sealed record UserBlocked(Block Block) : IDomainEvent;
