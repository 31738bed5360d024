using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Astegni.Chat.Infrastructure.Legacy;

/// <summary>
/// Reads the legacy backend's encrypted message content: Fernet tokens (version 0x80, AES-128-CBC
/// with PKCS7, HMAC-SHA256 over version, timestamp, IV and ciphertext; url-safe base64). No NuGet
/// package for Fernet restores here, so this follows the spec directly; tests hold the spec's vectors.
/// </summary>
public sealed class FernetReader
{
    /// <summary>Every Fernet token starts with these characters (version byte 0x80 + a timestamp).</summary>
    public const string TokenPrefix = "gAAAAA";

    private const byte Version = 0x80;
    private const int HeaderLength = 1 + 8 + 16;
    private const int MacLength = 32;

    private readonly byte[] _signingKey;
    private readonly byte[] _encryptionKey;

    private FernetReader(byte[] key)
    {
        _signingKey = key[..16];
        _encryptionKey = key[16..];
    }

    /// <summary>A reader for a Fernet key (32 bytes, url-safe base64), or null when the text is no such key.</summary>
    public static FernetReader? FromKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key) || !TryDecodeUrlSafe(key.Trim(), out var bytes) || bytes.Length != 32)
        {
            return null;
        }

        return new FernetReader(bytes);
    }

    public static bool LooksLikeToken(string? content) => content is not null && content.StartsWith(TokenPrefix, StringComparison.Ordinal);

    /// <summary>The plaintext, or null when the token does not verify with this key or is not a token.</summary>
    public string? TryDecrypt(string token)
    {
        if (!TryDecodeUrlSafe(token, out var data) || data.Length < HeaderLength + 16 + MacLength || data[0] != Version)
        {
            return null;
        }

        var signed = data.AsSpan(0, data.Length - MacLength);
        var mac = data.AsSpan(data.Length - MacLength);
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_signingKey, signed), mac))
        {
            return null;
        }

        var iv = data.AsSpan(9, 16);
        var cipherText = data.AsSpan(HeaderLength, data.Length - HeaderLength - MacLength);
        if (cipherText.Length % 16 != 0)
        {
            return null;
        }

        try
        {
            using var aes = Aes.Create();
            aes.Key = _encryptionKey;
            var plain = aes.DecryptCbc(cipherText, iv, PaddingMode.PKCS7);
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(plain);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool TryDecodeUrlSafe(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text.AsSpan().TrimEnd('='));
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
