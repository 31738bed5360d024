namespace Astegni.Chat.Domain.Common;

/// <summary>
/// One of a user's Astegni role profiles (<c>student</c>, <c>tutor</c>, <c>parent</c>): how the legacy chat and
/// Astegni's old chat modal name a person. Only the legacy adapter uses it; chat itself keys everything by
/// <see cref="UserId"/>, and a profile id is never one.
/// </summary>
public readonly record struct ProfileRef(string ProfileType, int ProfileId)
{
    public static readonly IReadOnlyList<string> RoleTypes = ["student", "tutor", "parent"];

    /// <summary>
    /// Stands for a user who has no role profile (a standalone database has no profile tables): the type
    /// <c>user</c> with the user id, so two such people never share a key.
    /// </summary>
    public const string UserType = "user";

    public static ProfileRef OfUserWithoutProfile(UserId user) => new(UserType, user.Value);
}
