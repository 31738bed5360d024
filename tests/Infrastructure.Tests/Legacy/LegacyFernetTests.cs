using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.TestSupport;
using Astegni.Chat.TestSupport.Legacy;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Tests.Legacy;

public enum FernetReader
{
    /// <summary>The SQL function <c>migrate</c> decrypts with.</summary>
    Database,

    /// <summary>The service's own, for what the legacy backend writes while both run.</summary>
    Service,
}

/// <summary>
/// Both Fernet readers, the in-database one and the service's, on the specification's vector and tokens made like
/// the legacy backend's: they answer alike.
/// </summary>
[TestFixture(FernetReader.Database)]
[TestFixture(FernetReader.Service)]
public sealed class LegacyFernetTests(FernetReader reader)
{
    // The Fernet specification's own vector (fernet/spec generate.json).
    private const string SpecToken = "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==";

    // Made by Python's cryptography.fernet (what Astegni's backend uses) with the same key: Amharic survives.
    private const string PythonToken = "gAAAAABrBSfgAAECAwQFBgcICQoLDA0ODzNSqRR9vSl23Ye9rku2bS54QSzEomW13XgWva2B6McO9qq5l0QZ1dt3AXiOis-JMA==";

    private NpgsqlConnection _connection = null!;

    [OneTimeSetUp]
    public async Task CreateFunction()
    {
        _connection = new NpgsqlConnection(await TestDatabase.RecreateAsync("legacy_fernet"));
        await _connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pgcrypto; " + LegacyFernet.CreateFunction, _connection);
        await command.ExecuteNonQueryAsync();
    }

    [OneTimeTearDown]
    public async Task Close() => await _connection.DisposeAsync();

    [Test]
    public async Task SpecVector_Decrypts() => Assert.That(await DecryptAsync(SpecToken), Is.EqualTo("hello"));

    [Test]
    public async Task PythonToken_WithAmharic_Decrypts() => Assert.That(await DecryptAsync(PythonToken), Is.EqualTo("ሰላም Selam"));

    [Test]
    public async Task TokenMadeByTheTestWriter_Decrypts() =>
        Assert.That(await DecryptAsync(new FernetWriter(LegacyDatabase.FernetKey).Encrypt("Selam, see you at 4", DateTimeOffset.UtcNow)),
            Is.EqualTo("Selam, see you at 4"));

    [Test]
    public async Task TokenUnderAnotherKey_DoesNotDecrypt()
    {
        var otherKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

        Assert.That(await DecryptAsync(SpecToken, otherKey), Is.Null);
    }

    [TestCase("gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKY_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==")]
    [TestCase("gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ")]
    [TestCase("gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZa")]
    [TestCase("gAAAAA!!!not base64")]
    [TestCase("plain text that merely starts differently")]
    public async Task TamperedOrTruncatedOrNonToken_DoesNotDecrypt(string token) => Assert.That(await DecryptAsync(token), Is.Null);

    // Each case checked against Python 3.11 with cryptography 48: Fernet(key) raises.
    [TestCase(null)]
    [TestCase("")]
    [TestCase("too-short")]
    [TestCase("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8")] // no padding: "Incorrect padding"
    [TestCase("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh=B")] // padding before the last character
    [TestCase("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8A")] // 33 bytes
    [TestCase("AAECAwQFBgcICQoLDA0O\u00e9DxAREhMUFRYXGBkaGxwdHh8=")] // not ASCII
    public void KeyPythonRefuses_IsRejected(string? key) =>
        Assert.That(LegacyFernet.NormalizeKey(key is null ? null : System.Text.RegularExpressions.Regex.Unescape(key)), Is.Null);

    // Issue 8, defect 8: keys Python's Fernet accepts, each giving the bytes 0..31 as Python decodes them.
    [TestCase("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")] // canonical
    [TestCase("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh9=")] // last character's unused bits not zero
    [TestCase("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh-=")] // the same, url-safe character
    [TestCase("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh9==x")] // what follows complete padding is ignored
    [TestCase("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh=8=")] // a stray pad inside the last quantum
    [TestCase("  AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh9=\n")] // surrounding white space
    [TestCase("AAECAwQFBg!cICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")] // a character outside the alphabet is skipped
    public void KeyPythonAccepts_GivesPythonsBytes(string key) =>
        Assert.That(Convert.FromBase64String(LegacyFernet.NormalizeKey(System.Text.RegularExpressions.Regex.Unescape(key))!),
            Is.EqualTo(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));

    [Test]
    public async Task PythonToken_DecryptsUnderANonCanonicalSpellingOfItsKey()
    {
        var canonical = LegacyDatabase.FernetKey.TrimEnd('=');
        var lastValue = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".IndexOf(canonical[^1], StringComparison.Ordinal);
        Assert.That(lastValue & 0x03, Is.Zero, "a canonical key's last character leaves its two unused bits zero");
        var nonCanonical = canonical[..^1] + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[lastValue | 0x03] + "=";

        Assert.That(await DecryptAsync(PythonToken, LegacyFernet.NormalizeKey(nonCanonical)), Is.EqualTo("ሰላም Selam"));
    }

    private async Task<string?> DecryptAsync(string token, string? key = null)
    {
        if (reader == FernetReader.Service)
        {
            return LegacyFernet.TryDecrypt(token, key ?? LegacyFernet.NormalizeKey(LegacyDatabase.FernetKey)!);
        }

        await using var command = new NpgsqlCommand("SELECT pg_temp.fernet_decrypt($1, $2)", _connection);
        command.Parameters.AddWithValue(token);
        command.Parameters.AddWithValue(key ?? LegacyFernet.NormalizeKey(LegacyDatabase.FernetKey)!);
        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : (string?)result;
    }
}
