using System.Globalization;
using Astegni.Chat.TestSupport.Legacy;
using Npgsql;

namespace Astegni.Chat.Api.Tests.Legacy;

/// <summary>
/// The old backend's writes to the upgraded database, made as it makes them: SQL in the legacy shape, keyed by role
/// profile, text Fernet-encrypted under its key. (The old backend is Python and not part of this repository.)
/// </summary>
public sealed class LegacyBackend(string connectionString)
{
    public static string Encrypt(string text) => new FernetWriter(LegacyDatabase.FernetKey).Encrypt(text, DateTimeOffset.UtcNow);

    /// <summary>A text message from the given role profile, encrypted as the old backend stores it; answers its id.</summary>
    public Task<int> SendAsync(int conversationId, int profileId, string profileType, string text) =>
        InsertAsync(conversationId, profileId, profileType, Encrypt(text));

    /// <summary>A text message with <paramref name="content"/> stored as given; answers its id.</summary>
    public async Task<int> InsertAsync(int conversationId, int profileId, string profileType, string content) =>
        int.Parse(await ScalarAsync($"""
            INSERT INTO chat_messages (conversation_id, sender_profile_id, sender_profile_type, message_type, content, created_at, updated_at)
            VALUES ({conversationId}, {profileId}, '{profileType}', 'text', '{content}', now(), now()) RETURNING id::text
            """) ?? "0", CultureInfo.InvariantCulture);

    public Task ExecuteAsync(string sql) => LegacyDatabase.ExecuteAsync(connectionString, sql);

    public async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() as string;
    }
}
