using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Messages;

namespace Astegni.Chat.Domain.Conversations;

/// <summary>
/// A direct chat between two users, a group, or a user's personal notes. Direct chats and notes carry
/// their ordered user pair (<see cref="DirectUserLowId"/>, <see cref="DirectUserHighId"/>) so the database
/// can hold exactly one per pair.
/// </summary>
public sealed partial class Conversation : AggregateRoot
{
    private readonly List<Participant> _participants = [];

    private Conversation()
    {
    }

    public ConversationId Id { get; private set; }
    public ConversationType Type { get; private set; }
    public string? Name { get; private set; }
    public string? Description { get; private set; }
    public string? AvatarUrl { get; private set; }
    /// <summary>Null only for legacy rows whose creator could not be resolved to a user.</summary>
    public UserId? CreatedByUserId { get; private set; }
    public UserId? DirectUserLowId { get; private set; }
    public UserId? DirectUserHighId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? LastMessageAt { get; private set; }

    public IReadOnlyCollection<Participant> Participants => _participants;

    /// <summary>The direct conversation between two users, or the notes conversation when they are the same user.</summary>
    public static Conversation OpenDirect(UserId caller, UserId other, DateTimeOffset now)
    {
        var (low, high) = caller.Value <= other.Value ? (caller, other) : (other, caller);
        var conversation = new Conversation
        {
            Type = caller == other ? ConversationType.Notes : ConversationType.Direct,
            CreatedByUserId = caller,
            DirectUserLowId = low,
            DirectUserHighId = high,
            CreatedAt = now,
            UpdatedAt = now,
        };
        conversation._participants.Add(new Participant(default, caller, ParticipantRole.Member, now));
        if (caller != other)
        {
            conversation._participants.Add(new Participant(default, other, ParticipantRole.Member, now));
        }

        conversation.Raise(new ConversationCreated(conversation, caller));
        return conversation;
    }

    public Participant? ActiveParticipant(UserId userId) =>
        _participants.FirstOrDefault(p => p.UserId == userId && p.IsActive);

    public IEnumerable<UserId> ActiveMemberIds => _participants.Where(p => p.IsActive).Select(p => p.UserId);

    /// <summary>The other person of a direct chat (null for groups and notes).</summary>
    public UserId? OtherUserOf(UserId userId) =>
        Type != ConversationType.Direct ? null
        : DirectUserLowId == userId ? DirectUserHighId
        : DirectUserLowId;

    /// <summary>Writes a message as <paramref name="sender"/>; only active members may write.</summary>
    public Result<Message> Post(
        UserId sender, MessageBody body, string? clientMessageId, DateTimeOffset now, MessageOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (ActiveParticipant(sender) is null)
        {
            return ConversationErrors.NotAMember;
        }

        var message = Message.Create(Id, sender, body, clientMessageId, now, origin ?? MessageOrigin.None);
        LastMessageAt = now;
        UpdatedAt = now;
        Raise(new MessagePosted(this, message));
        return message;
    }
}
