using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Calls;

// Like the conversation events, these hold the aggregate: its id is assigned on save and read after the commit.

/// <summary>A call was placed and rings the conversation's other members.</summary>
public sealed record CallStarted(CallLog Call) : IDomainEvent;

/// <summary>
/// A call changed status (answered, declined, cancelled, missed, ended, failed). <paramref name="ChangedBy"/>
/// is the person who acted, or null when the service did (a missed or failed call).
/// </summary>
public sealed record CallUpdated(CallLog Call, UserId? ChangedBy) : IDomainEvent;
