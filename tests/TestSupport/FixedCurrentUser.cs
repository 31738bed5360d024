using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.TestSupport;

/// <summary>A caller fixed by the test, for running handlers directly against the real database.</summary>
public sealed class FixedCurrentUser(int userId) : ICurrentUser
{
    public UserId Id { get; } = new(userId);
}
