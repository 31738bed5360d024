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
    public const int MaxGroupNameLength = 255;
    public const int MaxDescriptionLength = 1000;
    public const int MaxAvatarUrlLength = 500;

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

    /// <summary>
    /// A group named <paramref name="name"/> (trimmed, 1–255 characters) with its creator as admin and
    /// <paramref name="initialMembers"/> as members. Refused when they would be more than <paramref name="memberLimit"/>.
    /// The caller decides beforehand who may be added (<c>GroupAddPolicy</c>).
    /// </summary>
    public static Result<Conversation> CreateGroup(
        UserId creator,
        string? name,
        string? description,
        string? avatarUrl,
        IEnumerable<UserId> initialMembers,
        DateTimeOffset now,
        int memberLimit)
    {
        ArgumentNullException.ThrowIfNull(initialMembers);
        ArgumentOutOfRangeException.ThrowIfLessThan(memberLimit, 1);

        var validName = GroupName(name);
        if (!validName.IsSuccess)
        {
            return validName.Error;
        }

        var validDescription = GroupDescription(description);
        if (!validDescription.IsSuccess)
        {
            return validDescription.Error;
        }

        var validAvatar = GroupAvatar(avatarUrl);
        if (!validAvatar.IsSuccess)
        {
            return validAvatar.Error;
        }

        var members = initialMembers.Where(m => m != creator).Distinct().ToList();
        if (members.Count + 1 > memberLimit)
        {
            return GroupErrors.MemberLimitReached;
        }

        var conversation = new Conversation
        {
            Type = ConversationType.Group,
            Name = validName.Value,
            Description = validDescription.Value,
            AvatarUrl = validAvatar.Value,
            CreatedByUserId = creator,
            CreatedAt = now,
            UpdatedAt = now,
        };
        conversation._participants.Add(new Participant(default, creator, ParticipantRole.Admin, now));
        conversation._participants.AddRange(members.Select(m => new Participant(default, m, ParticipantRole.Member, now)));
        conversation.Raise(new ConversationCreated(conversation, creator));
        return conversation;
    }

    public Participant? ActiveParticipant(UserId userId) =>
        _participants.FirstOrDefault(p => p.UserId == userId && p.IsActive);

    public IEnumerable<UserId> ActiveMemberIds => _participants.Where(p => p.IsActive).Select(p => p.UserId);

    /// <summary>
    /// The other person of a direct chat (null for groups and notes). A direct chat the legacy backend
    /// created after the upgrade has no pair yet; its other member is the other person.
    /// </summary>
    public UserId? OtherUserOf(UserId userId) =>
        Type != ConversationType.Direct ? null
        : DirectUserLowId is null ? _participants.FirstOrDefault(p => p.UserId != userId)?.UserId
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

        // A direct chat is between two people: one who left it (deleted their chat data) gets the new message.
        if (Type == ConversationType.Direct)
        {
            _participants.ForEach(p => p.ReturnToOneToOne(now));
        }

        var message = Message.Create(Id, sender, body, clientMessageId, now, origin ?? MessageOrigin.None);
        LastMessageAt = now;
        UpdatedAt = now;
        Raise(new MessagePosted(this, message));
        return message;
    }

    /// <summary>
    /// Opening a direct chat or one's notes again after leaving it (by deleting one's chat data): the
    /// person is back in it, without what came before.
    /// </summary>
    public void Reopen(UserId user, DateTimeOffset now)
    {
        if (Type is ConversationType.Direct or ConversationType.Notes)
        {
            _participants.FirstOrDefault(p => p.UserId == user)?.ReturnToOneToOne(now);
        }
    }

    /// <summary>Succeeds when <paramref name="actor"/> is an admin of this group (so may manage it).</summary>
    public Result CheckAdmin(UserId actor)
    {
        var admin = GroupAdmin(actor);
        return admin.IsSuccess ? Result.Success() : admin.Error;
    }

    /// <summary>
    /// An admin adds people, in order, while the group has room (<paramref name="memberLimit"/> active members).
    /// A former member is re-added by reactivating their membership, seeing history from now on.
    /// </summary>
    public Result<GroupAddition> AddMembers(UserId actor, IEnumerable<UserId> users, DateTimeOffset now, int memberLimit)
    {
        ArgumentNullException.ThrowIfNull(users);
        var admin = GroupAdmin(actor);
        if (!admin.IsSuccess)
        {
            return admin.Error;
        }

        var added = new List<UserId>();
        var refused = new List<MemberRefusal>();
        var activeCount = _participants.Count(p => p.IsActive);
        foreach (var user in users.Distinct())
        {
            var existing = _participants.FirstOrDefault(p => p.UserId == user);
            if (existing is { IsActive: true })
            {
                refused.Add(new MemberRefusal(user, GroupErrors.AlreadyMember));
                continue;
            }

            if (activeCount >= memberLimit)
            {
                refused.Add(new MemberRefusal(user, GroupErrors.MemberLimitReached));
                continue;
            }

            if (existing is null)
            {
                _participants.Add(new Participant(Id, user, ParticipantRole.Member, now));
            }
            else
            {
                existing.Rejoin(now);
            }

            activeCount++;
            added.Add(user);
        }

        if (added.Count > 0)
        {
            UpdatedAt = now;
            Raise(new GroupMembersAdded(this, actor, added));
        }

        return new GroupAddition(added, refused);
    }

    /// <summary>An admin removes a member; anyone removing themself leaves.</summary>
    public Result RemoveMember(UserId actor, UserId user, DateTimeOffset now)
    {
        if (actor == user)
        {
            return Leave(user, now);
        }

        var admin = GroupAdmin(actor);
        if (!admin.IsSuccess)
        {
            return admin.Error;
        }

        if (ActiveParticipant(user) is not { } removed)
        {
            return GroupErrors.ParticipantNotFound;
        }

        removed.Deactivate(now);
        UpdatedAt = now;
        Raise(new GroupMemberRemoved(this, actor, user));
        return Result.Success();
    }

    /// <summary>
    /// Any member may leave. When the last admin leaves, the longest-standing remaining member (earliest
    /// joined, then the oldest membership row) becomes admin, so a group with members always has one.
    /// </summary>
    public Result Leave(UserId user, DateTimeOffset now)
    {
        var member = GroupMember(user);
        if (!member.IsSuccess)
        {
            return member.Error;
        }

        member.Value.Deactivate(now);
        var remaining = _participants.Where(p => p.IsActive).ToList();
        if (remaining.Count > 0 && !remaining.Exists(p => p.Role == ParticipantRole.Admin))
        {
            remaining.OrderBy(p => p.JoinedAt).ThenBy(p => p.Id.Value).First().ChangeRole(ParticipantRole.Admin, now);
        }

        UpdatedAt = now;
        Raise(new GroupMemberRemoved(this, user, user));
        return Result.Success();
    }

    /// <summary>An admin promotes a member to admin or demotes an admin; the group never ends up without one.</summary>
    public Result ChangeRole(UserId actor, UserId user, ParticipantRole role, DateTimeOffset now)
    {
        var admin = GroupAdmin(actor);
        if (!admin.IsSuccess)
        {
            return admin.Error;
        }

        if (ActiveParticipant(user) is not { } target)
        {
            return GroupErrors.ParticipantNotFound;
        }

        if (target.Role == role)
        {
            return Result.Success();
        }

        if (role == ParticipantRole.Member
            && !_participants.Exists(p => p.IsActive && p.Role == ParticipantRole.Admin && p.UserId != user))
        {
            return GroupErrors.NeedsAnAdmin;
        }

        target.ChangeRole(role, now);
        Updated(actor, now);
        return Result.Success();
    }

    /// <summary>An admin renames the group (trimmed, 1–255 characters).</summary>
    public Result Rename(UserId actor, string? name, DateTimeOffset now)
    {
        var admin = GroupAdmin(actor);
        if (!admin.IsSuccess)
        {
            return admin.Error;
        }

        var validName = GroupName(name);
        if (!validName.IsSuccess)
        {
            return validName.Error;
        }

        if (!string.Equals(Name, validName.Value, StringComparison.Ordinal))
        {
            Name = validName.Value;
            Updated(actor, now);
        }

        return Result.Success();
    }

    /// <summary>An admin sets the description; an empty one removes it.</summary>
    public Result ChangeDescription(UserId actor, string? description, DateTimeOffset now)
    {
        var admin = GroupAdmin(actor);
        if (!admin.IsSuccess)
        {
            return admin.Error;
        }

        var validDescription = GroupDescription(description);
        if (!validDescription.IsSuccess)
        {
            return validDescription.Error;
        }

        if (!string.Equals(Description, validDescription.Value, StringComparison.Ordinal))
        {
            Description = validDescription.Value;
            Updated(actor, now);
        }

        return Result.Success();
    }

    /// <summary>An admin sets the avatar (the address of an uploaded image); an empty one removes it.</summary>
    public Result ChangeAvatar(UserId actor, string? avatarUrl, DateTimeOffset now)
    {
        var admin = GroupAdmin(actor);
        if (!admin.IsSuccess)
        {
            return admin.Error;
        }

        var validAvatar = GroupAvatar(avatarUrl);
        if (!validAvatar.IsSuccess)
        {
            return validAvatar.Error;
        }

        if (!string.Equals(AvatarUrl, validAvatar.Value, StringComparison.Ordinal))
        {
            AvatarUrl = validAvatar.Value;
            Updated(actor, now);
        }

        return Result.Success();
    }

    // Someone who is not an active member learns nothing, not even what kind of conversation this is.
    private Result<Participant> GroupMember(UserId user)
    {
        if (ActiveParticipant(user) is not { } member)
        {
            return ConversationErrors.NotAMember;
        }

        return Type == ConversationType.Group ? member : GroupErrors.NotAGroup;
    }

    private Result<Participant> GroupAdmin(UserId user)
    {
        var member = GroupMember(user);
        if (!member.IsSuccess)
        {
            return member;
        }

        return member.Value.Role == ParticipantRole.Admin ? member : GroupErrors.NotGroupAdmin;
    }

    // Several changes in one command (a new name and description) make one update for the members.
    private void Updated(UserId actor, DateTimeOffset now)
    {
        UpdatedAt = now;
        var updated = new GroupUpdated(this, actor);
        if (!DomainEvents.Contains(updated))
        {
            Raise(updated);
        }
    }

    private static Result<string> GroupName(string? name)
    {
        var trimmed = name?.Trim();
        return trimmed is { Length: > 0 and <= MaxGroupNameLength } ? trimmed : GroupErrors.InvalidName;
    }

    private static Result<string?> GroupDescription(string? description)
    {
        var trimmed = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        return trimmed is null || trimmed.Length <= MaxDescriptionLength ? trimmed : GroupErrors.DescriptionTooLong;
    }

    private static Result<string?> GroupAvatar(string? avatarUrl)
    {
        var trimmed = string.IsNullOrWhiteSpace(avatarUrl) ? null : avatarUrl.Trim();
        return trimmed is null || trimmed.Length <= MaxAvatarUrlLength ? trimmed : GroupErrors.InvalidAvatarUrl;
    }
}
