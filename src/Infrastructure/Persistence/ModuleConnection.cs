using Npgsql;

namespace Astegni.Chat.Infrastructure.Persistence;

/// <summary>
/// Marks this module's database sessions, so the legacy change feed's triggers (installed by <c>migrate</c>) tell
/// the old backend's writes from ours: ours push their own hub events, and only the old backend's are relayed.
/// The mark is a custom setting given at connection start, so it costs no statement.
/// </summary>
public static class ModuleConnection
{
    /// <summary>The session setting the triggers read (<c>current_setting(…, true)</c>).</summary>
    public const string Setting = "astegni_chat.writer";

    public const string Value = "module";

    /// <summary><paramref name="connectionString"/> with the mark added to its startup options.</summary>
    public static string Mark(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var mark = $"-c {Setting}={Value}";
        if (builder.Options?.Contains(mark, StringComparison.Ordinal) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? mark : $"{builder.Options} {mark}";
        }

        return builder.ConnectionString;
    }
}
