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

    /// <summary>
    /// The key in the padded base64 form the SQL function decodes; null when Python's
    /// <c>cryptography.fernet.Fernet</c> would refuse it. Python decodes the key with
    /// <c>base64.urlsafe_b64decode</c>, which is lenient where .NET's decoders are strict: it skips
    /// characters outside the alphabet (spaces, line breaks), ignores the unused low bits of the last
    /// character and whatever follows complete padding, but requires the padding itself.
    /// </summary>
    public static string? NormalizeKey(string? key)
    {
        if (key is null || DecodeLikePython(key) is not { Length: 32 } bytes)
        {
            return null;
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>
    /// What <c>base64.urlsafe_b64decode</c> answers (CPython's <c>binascii.a2b_base64</c>, not strict),
    /// or null where it raises: a non-ASCII character, a dangling single character, missing padding.
    /// </summary>
    private static byte[]? DecodeLikePython(string text)
    {
        var bytes = new List<byte>(33);
        int quadPosition = 0, left = 0, pads = 0;
        foreach (var character in text)
        {
            if (character > 0x7F)
            {
                return null;
            }

            if (character == '=')
            {
                if (quadPosition >= 2 && quadPosition + ++pads >= 4)
                {
                    return [.. bytes];
                }

                continue;
            }

            var value = SixBits(character);
            if (value < 0)
            {
                continue;
            }

            pads = 0;
            switch (quadPosition)
            {
                case 0:
                    left = value;
                    break;
                case 1:
                    bytes.Add((byte)((left << 2) | (value >> 4)));
                    left = value & 0x0F;
                    break;
                case 2:
                    bytes.Add((byte)((left << 4) | (value >> 2)));
                    left = value & 0x03;
                    break;
                default:
                    bytes.Add((byte)((left << 6) | value));
                    break;
            }

            quadPosition = (quadPosition + 1) % 4;
        }

        return quadPosition == 0 ? [.. bytes] : null;
    }

    /// <summary>Python translates <c>-_</c> to <c>+/</c> first, so both spellings count.</summary>
    private static int SixBits(char character) => character switch
    {
        >= 'A' and <= 'Z' => character - 'A',
        >= 'a' and <= 'z' => character - 'a' + 26,
        >= '0' and <= '9' => character - '0' + 52,
        '+' or '-' => 62,
        '/' or '_' => 63,
        _ => -1,
    };

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// What <see cref="CreateFunction"/>'s SQL answers, in the service: the plaintext of a token that verifies under
    /// <paramref name="normalizedKey"/> (as <see cref="NormalizeKey"/> gives it), else null. The service decrypts what
    /// the legacy backend writes while both run, so the key never has to be given to PostgreSQL for that.
    /// </summary>
    public static string? TryDecrypt(string? token, string normalizedKey)
    {
        var body = token?.TrimEnd('=');
        if (body is null || !body.StartsWith(TokenPrefix, StringComparison.Ordinal) || body.Length % 4 == 1
            || !body.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var key = Convert.FromBase64String(normalizedKey);
        var raw = System.Buffers.Text.Base64Url.DecodeFromChars(body);
        var n = raw.Length;
        if (n < 73 || (n - 57) % 16 != 0 || raw[0] != 0x80)
        {
            return null;
        }

        var signature = System.Security.Cryptography.HMACSHA256.HashData(key.AsSpan(0, 16), raw.AsSpan(0, n - 32));
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(signature, raw.AsSpan(n - 32)))
        {
            return null;
        }

        try
        {
            using var aes = System.Security.Cryptography.Aes.Create();
            aes.Key = key[16..];
            var plain = aes.DecryptCbc(raw.AsSpan(25, n - 57), raw.AsSpan(9, 16));
            return StrictUtf8.GetString(plain);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
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
