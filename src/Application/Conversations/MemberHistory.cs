using System.Linq.Expressions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Conversations;

namespace Astegni.Chat.Application.Conversations;

/// <summary>
/// The stretch of a conversation a member's history covers: after their clear-history point and, in a group,
/// from their join on. Messages (<see cref="Messages.MessageAccess"/>) and calls (<see cref="Calls.CallAccess"/>)
/// both start from it.
/// </summary>
public static class MemberHistory
{
    private static readonly Expression<Func<Participant, ConversationType, DateTimeOffset, bool>> CoversRule = (p, type, moment) =>
        (p.ChatClearedAt == null || moment > p.ChatClearedAt)
        && (type != ConversationType.Group || moment >= p.JoinedAt);

    private static readonly Func<Participant, ConversationType, DateTimeOffset, bool> CoversNow = CoversRule.Compile();

    /// <summary>Whether <paramref name="member"/>'s history in a conversation of <paramref name="type"/> covers <paramref name="moment"/>.</summary>
    [InlinedFrom(nameof(CoversRule))]
    public static bool Covers(this Participant member, ConversationType type, DateTimeOffset moment) => CoversNow(member, type, moment);
}
