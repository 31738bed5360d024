using System.Globalization;

namespace Astegni.Chat.Domain.Common;

// Distinct id types keep a user id from being passed where a conversation or message id is expected,
// and (with ProfileRef) keep legacy profile ids from ever standing in for users.
public readonly record struct UserId(int Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public readonly record struct ConversationId(int Value) : IComparable<ConversationId>
{
    public int CompareTo(ConversationId other) => Value.CompareTo(other.Value);

    public static bool operator <(ConversationId left, ConversationId right) => left.Value < right.Value;
    public static bool operator >(ConversationId left, ConversationId right) => left.Value > right.Value;
    public static bool operator <=(ConversationId left, ConversationId right) => left.Value <= right.Value;
    public static bool operator >=(ConversationId left, ConversationId right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public readonly record struct MessageId(int Value) : IComparable<MessageId>
{
    public int CompareTo(MessageId other) => Value.CompareTo(other.Value);

    public static bool operator <(MessageId left, MessageId right) => left.Value < right.Value;
    public static bool operator >(MessageId left, MessageId right) => left.Value > right.Value;
    public static bool operator <=(MessageId left, MessageId right) => left.Value <= right.Value;
    public static bool operator >=(MessageId left, MessageId right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public readonly record struct BlockId(int Value) : IComparable<BlockId>
{
    public int CompareTo(BlockId other) => Value.CompareTo(other.Value);

    public static bool operator <(BlockId left, BlockId right) => left.Value < right.Value;
    public static bool operator >(BlockId left, BlockId right) => left.Value > right.Value;
    public static bool operator <=(BlockId left, BlockId right) => left.Value <= right.Value;
    public static bool operator >=(BlockId left, BlockId right) => left.Value >= right.Value;
}

public readonly record struct ParticipantId(int Value);

public readonly record struct MediaId(int Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public readonly record struct CallId(int Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
