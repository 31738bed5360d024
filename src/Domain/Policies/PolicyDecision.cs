using System.Diagnostics.CodeAnalysis;
using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Policies;

/// <summary>A policy's answer: allowed, or refused with the error the caller is shown.</summary>
public readonly record struct PolicyDecision(Error? Refusal)
{
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAllowed => Refusal is null;

    public static PolicyDecision Allow() => new(null);
    public static PolicyDecision Deny(Error refusal) => new(refusal);
}
