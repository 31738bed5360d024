namespace Astegni.Chat.Infrastructure.Legacy;

/// <summary>The <c>Legacy</c> configuration section, for the period when the old backend still runs beside this module.</summary>
public sealed class LegacyOptions
{
    public const string Section = "Legacy";

    /// <summary>
    /// The old backend's Fernet key (its <c>CHAT_ENCRYPTION_KEY</c>), to read the text it still encrypts. Without it,
    /// such text is kept aside unreadable until a <c>migrate</c> with the key decrypts it.
    /// </summary>
    public string? ChatEncryptionKey { get; set; }
}
