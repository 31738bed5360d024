using System.Linq.Expressions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations;
using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Conversations;

namespace Astegni.Chat.Application.Calls;

/// <summary>Which calls a person can see in their call history.</summary>
public static class CallAccess
{
    private static readonly Expression<Func<Participant, ConversationType, CallLog, bool>> SeesRule = (p, type, call) =>
        p.Covers(type, call.StartedAt)
        && (p.IsActive || (type == ConversationType.Group && call.StartedAt <= p.LeftAt));

    private static readonly Func<Participant, ConversationType, CallLog, bool> SeesNow = SeesRule.Compile();

    /// <summary>
    /// The call visibility rule, written once: <paramref name="member"/> of a conversation of <paramref name="type"/>
    /// sees <paramref name="call"/> of it when their history covers its start and they are still in it, or, in a
    /// group they left, when it started before they left (the calls from their time stay theirs). Leaving a
    /// direct chat takes its calls away. Queries use it through <see cref="Inlining.Inlined{T}"/>.
    /// </summary>
    [InlinedFrom(nameof(SeesRule))]
    public static bool Sees(this Participant member, ConversationType type, CallLog call) => SeesNow(member, type, call);
}
