using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Conversations;

/// <summary>Refusals of group operations. A non-member is never told more than <see cref="ConversationErrors.NotFound"/>.</summary>
public static class GroupErrors
{
    public static readonly Error InvalidName = Error.Validation(
        "invalid_group_name", $"A group name must be 1 to {Conversation.MaxGroupNameLength} characters.");

    public static readonly Error DescriptionTooLong = Error.Validation(
        "group_description_too_long", $"A group description may be at most {Conversation.MaxDescriptionLength} characters.");

    public static readonly Error InvalidAvatarUrl = Error.Validation(
        "invalid_avatar_url", $"An avatar URL may be at most {Conversation.MaxAvatarUrlLength} characters.");

    public static readonly Error NotAGroup = Error.Conflict(
        "not_a_group", "Only group conversations have members to add, remove or promote, and details to change.");

    public static readonly Error NotGroupAdmin = Error.Forbidden(
        "not_group_admin", "Only the group's admins may do this.");

    // A validation kind: when a request asks for more members than a group may hold, the request is what is wrong.
    public static readonly Error MemberLimitReached = Error.Validation(
        "group_member_limit_reached", "The group has reached its member limit.");

    public static readonly Error AlreadyMember = Error.Conflict(
        "already_member", "This person is already a member of the group.");

    public static readonly Error ParticipantNotFound = Error.NotFound(
        "participant_not_found", "This person is not a member of the group.");

    public static readonly Error NeedsAnAdmin = Error.Conflict(
        "group_needs_an_admin", "A group keeps at least one admin: promote someone else first.");
}
