using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Astegni.Chat.TestSupport.Legacy;

/// <summary>Makes Fernet tokens the way the legacy backend did, to fill generated legacy databases.</summary>
public sealed class FernetWriter(string key)
{
    private readonly byte[] _key = Base64Url.DecodeFromChars(key.AsSpan().TrimEnd('='));

    public string Encrypt(string plaintext, DateTimeOffset at)
    {
        var iv = RandomNumberGenerator.GetBytes(16);
        using var aes = Aes.Create();
        aes.Key = _key[16..];
        var cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(plaintext), iv, PaddingMode.PKCS7);
        var token = new byte[1 + 8 + 16 + cipher.Length + 32];
        token[0] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(token.AsSpan(1, 8), (ulong)at.ToUnixTimeSeconds());
        iv.CopyTo(token, 9);
        cipher.CopyTo(token, 25);
        HMACSHA256.HashData(_key[..16], token.AsSpan(0, 25 + cipher.Length), token.AsSpan(25 + cipher.Length));
        return Convert.ToBase64String(token).Replace('+', '-').Replace('/', '_');
    }
}
