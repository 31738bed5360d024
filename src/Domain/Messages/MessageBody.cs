using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Domain.Messages;

/// <summary>What a message says: its type and content, valid by construction.</summary>
public sealed record MessageBody
{
    public const int MaxTextLength = 10_000;

    private MessageBody(MessageType type, string? content)
    {
        Type = type;
        Content = content;
    }

    public MessageType Type { get; }
    public string? Content { get; }

    public static readonly Error EmptyText = Error.Validation("message_empty", "A text message needs some text.");

    public static readonly Error TextTooLong =
        Error.Validation("message_too_long", $"A text message holds at most {MaxTextLength} characters.");

    public static Result<MessageBody> Text(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return EmptyText;
        }

        if (content.Length > MaxTextLength)
        {
            return TextTooLong;
        }

        return new MessageBody(MessageType.Text, content);
    }

    /// <summary>The body of an existing message, unchanged (a forward copies it as it is).</summary>
    internal static MessageBody Copy(MessageType type, string? content) => new(type, content);

    /// <summary>A notice written by the system or another module (e.g. a session request), shown to all members.</summary>
    public static Result<MessageBody> System(string? content) =>
        Text(content).Map(body => new MessageBody(MessageType.System, body.Content));
}
