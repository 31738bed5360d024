using System.Diagnostics.CodeAnalysis;
using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Messages;

/// <summary>One user's reaction to a message (at most one per user and message).</summary>
public sealed class Reaction
{
    public const int MaxLength = 50;

    private Reaction()
    {
    }

    /// <summary>An emoji or short word: 1 to <see cref="MaxLength"/> characters, not only spaces.</summary>
    public static bool IsValid([NotNullWhen(true)] string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxLength;

    internal Reaction(MessageId messageId, UserId userId, string value, DateTimeOffset now)
    {
        MessageId = messageId;
        UserId = userId;
        Value = value;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public MessageId MessageId { get; private set; }
    public UserId UserId { get; private set; }
    public string Value { get; private set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; private set; }

    internal void Replace(string value, DateTimeOffset now)
    {
        Value = value;
        CreatedAt = now;
    }
}
