using System.Buffers.Text;

namespace Astegni.Chat.Infrastructure.Legacy;

/// <summary>
/// Reads the legacy backend's encrypted message content inside PostgreSQL, with pgcrypto (a maintained
/// library: no Fernet package restores here for .NET). A Fernet token is version 0x80, a timestamp, an
/// IV, AES-128-CBC ciphertext and an HMAC-SHA256 over all of it, in url-safe base64. The function
/// answers the plaintext only for a token that verifies under the key, else NULL, so ciphertext is
/// never taken for text. Decrypting in the database lets the upgrade do it in the same table rewrite
/// that converts the timestamps, instead of shipping every row out and back.
/// </summary>
internal static class LegacyFernet
{
    /// <summary>Every Fernet token starts with these characters (version byte 0x80 and a timestamp).</summary>
    public const string TokenPrefix = "gAAAAA";

    /// <summary>A SQL condition: the column holds something shaped like a token.</summary>
    public static string LooksLikeToken(string column) => $"{column} LIKE '{TokenPrefix}%'";

    /// <summary>The key in the padded base64url form the SQL function decodes; null when it is no Fernet key.</summary>
    public static string? NormalizeKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(key.Trim().AsSpan().TrimEnd('='));
            return bytes.Length == 32 ? Convert.ToBase64String(bytes) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Creates <c>pg_temp.fernet_decrypt(token, key)</c> for this session (pgcrypto must be installed).</summary>
    public const string CreateFunction = """
        CREATE FUNCTION pg_temp.fernet_decrypt(token text, key text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE
            body text := rtrim(token, '=');
            k bytea;
            raw bytea;
            n integer;
        BEGIN
            IF token IS NULL OR body !~ '^gAAAAA[A-Za-z0-9_-]*$' OR length(body) % 4 = 1 THEN
                RETURN NULL;
            END IF;
            k := decode(key, 'base64');
            raw := decode(rpad(translate(body, '-_', '+/'), ((length(body) + 3) / 4) * 4, '='), 'base64');
            n := length(raw);
            IF n < 73 OR (n - 57) % 16 <> 0 OR get_byte(raw, 0) <> 128 THEN
                RETURN NULL;
            END IF;
            IF hmac(substring(raw FROM 1 FOR n - 32), substring(k FROM 1 FOR 16), 'sha256') <> substring(raw FROM n - 31) THEN
                RETURN NULL;
            END IF;
            RETURN convert_from(
                decrypt_iv(substring(raw FROM 26 FOR n - 57), substring(k FROM 17 FOR 16), substring(raw FROM 10 FOR 16), 'aes-cbc/pad:pkcs'),
                'UTF8');
        END $$
        """;
}
