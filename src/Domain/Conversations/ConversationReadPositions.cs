using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Conversations;

public sealed partial class Conversation
{
    /// <summary>
    /// <paramref name="reader"/> has read up to <paramref name="upTo"/>. Records <see cref="ConversationRead"/>
    /// only when the read position moved, so re-reading an old message tells nobody anything.
    /// </summary>
    public Result MarkRead(UserId reader, MessageId upTo, DateTimeOffset now)
    {
        var participant = ActiveParticipant(reader);
        if (participant is null)
        {
            return ConversationErrors.NotAMember;
        }

        if (participant.MarkReadUpTo(upTo, now))
        {
            Raise(new ConversationRead(this, reader, upTo));
        }

        return Result.Success();
    }
}

/// <summary>A member's read position in a conversation moved forward.</summary>
public sealed record ConversationRead(Conversation Conversation, UserId ReaderId, MessageId LastReadMessageId) : IDomainEvent;
