using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Astegni.Chat.Application.Media.SignedLinks;

/// <summary>
/// Signs and checks download links of media items: HMAC-SHA256 over the item id and the link's expiry
/// (unix seconds), base64url without padding. Pure: the clock and the lifetimes are the caller's.
/// </summary>
public sealed class MediaUrlSigner
{
    // Keeps links apart from anything else the same secret signs (the service's bearer tokens).
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("astegni-chat media download link v1");

    private readonly byte[] _key;

    public MediaUrlSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("A media link key has at least 32 bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>A signer whose key is derived (HKDF-SHA256) from a secret the service already holds.</summary>
    public static MediaUrlSigner FromSecret(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return new MediaUrlSigner(HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: null, info: Purpose));
    }

    public string Sign(int mediaId, long expiresAt) => Base64Url.EncodeToString(Mac(mediaId, expiresAt));

    /// <summary>Whether <paramref name="signature"/> is this key's for exactly this item and expiry (in constant time).</summary>
    public bool IsGenuine(int mediaId, long expiresAt, string? signature)
    {
        // Anything that is not base64url (or too long to be a signature) is simply not genuine.
        Span<byte> given = stackalloc byte[48];
        if (string.IsNullOrEmpty(signature) || signature.Length > 64
            || Base64Url.DecodeFromChars(signature, given, out _, out var length) != OperationStatus.Done)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given[..length], Mac(mediaId, expiresAt));
    }

    private byte[] Mac(int mediaId, long expiresAt) =>
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"media:{mediaId}:{expiresAt}")));
}
