namespace Astegni.Chat.Domain.Users;

/// <summary>Astegni's rule for how a user is named in chat.</summary>
public static class DisplayName
{
    public const string Unknown = "Unknown User";

    public static string Of(string? firstName, string? fatherName, string? lastName, string? email)
    {
        if (!string.IsNullOrWhiteSpace(firstName))
        {
            if (!string.IsNullOrWhiteSpace(lastName))
            {
                return $"{firstName.Trim()} {lastName.Trim()}";
            }

            if (!string.IsNullOrWhiteSpace(fatherName))
            {
                return $"{firstName.Trim()} {fatherName.Trim()}";
            }
        }

        var at = email?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (at > 0)
        {
            return email![..at];
        }

        return string.IsNullOrWhiteSpace(firstName) ? Unknown : firstName.Trim();
    }
}
