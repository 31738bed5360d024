using FluentValidation;

namespace Astegni.Chat.Application.Presence.ReportPresence;

/// <summary>Nothing to check: the one input is a flag, and the caller is the token's user.</summary>
public sealed class ReportPresenceValidator : AbstractValidator<ReportPresence>;
