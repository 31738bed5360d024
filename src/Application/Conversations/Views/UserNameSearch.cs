using System.Text.RegularExpressions;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Users;

namespace Astegni.Chat.Application.Conversations.Views;

/// <summary>
/// Finding people by the name chat shows for them (<see cref="DisplayName"/>): case-insensitive, any
/// part of it. The rule is restated in SQL so the filter runs in the database, inside the page query.
/// </summary>
public static partial class UserNameSearch
{
    /// <summary>What to look for: trimmed, inner runs of spaces made one, lower case.</summary>
    public static string Needle(string text) => Spaces().Replace(text.Trim(), " ").ToLowerInvariant();

    /// <summary>The users whose display name contains <paramref name="needle"/> (from <see cref="Needle"/>).</summary>
    public static IQueryable<UserRecord> Named(IQueryable<UserRecord> users, string needle) =>
        users.Where(u =>
            (u.FirstName != null && u.FirstName.Trim() != "" && u.LastName != null && u.LastName.Trim() != ""
                ? u.FirstName.Trim() + " " + u.LastName.Trim()
                : u.FirstName != null && u.FirstName.Trim() != "" && u.FatherName != null && u.FatherName.Trim() != ""
                    ? u.FirstName.Trim() + " " + u.FatherName.Trim()
                    : u.Email != null && u.Email.IndexOf("@") > 0
                        ? u.Email.Substring(0, u.Email.IndexOf("@"))
                        : u.FirstName != null && u.FirstName.Trim() != ""
                            ? u.FirstName.Trim()
                            : DisplayName.Unknown)
            .ToLower()
            .Contains(needle));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
