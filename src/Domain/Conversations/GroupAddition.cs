using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Conversations;

/// <summary>What adding several people to a group did: who joined, and why each of the others did not.</summary>
public sealed record GroupAddition(IReadOnlyList<UserId> Added, IReadOnlyList<MemberRefusal> Refused);

/// <summary>One person who could not be added, with the refusal to report for them.</summary>
public sealed record MemberRefusal(UserId UserId, Error Refusal);
